# bastion-fixture: app/import_view.py
import yaml

def parse(data):
# expect: unsafe-deserialization
    return yaml.load(data, Loader=yaml.Loader)
