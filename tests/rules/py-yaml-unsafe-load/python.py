# bastion-fixture: app/config_loader.py
import yaml

def read(body):
# expect: py-yaml-unsafe-load
    return yaml.load(body)
