# bastion-fixture: app/imports.py
from lxml import etree

def load(data):
# expect: xxe
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser)
