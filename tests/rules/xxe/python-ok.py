# bastion-fixture: app/imports.py
# ok: xxe
from lxml import etree

def load(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)
