# bastion-fixture: app/config_loader.py
import yaml

def read(body):
# expect: unsafe-deserialization
    return yaml.load(body)
