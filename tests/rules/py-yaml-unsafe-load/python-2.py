# bastion-fixture: app/import_view.py
import yaml

def parse(data):
# expect: py-yaml-unsafe-load
    return yaml.load(data, Loader=yaml.Loader)
