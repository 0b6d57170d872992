# bastion-fixture: app/config_loader.py
# ok: unsafe-deserialization
import yaml

def read(body):
    a = yaml.safe_load(body)
    return a, yaml.load(body, Loader=yaml.SafeLoader)
