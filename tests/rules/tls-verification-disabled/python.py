# bastion-fixture: app/client.py
import requests

def fetch(url):
# expect: tls-verification-disabled
    return requests.get(url, timeout=5, verify=False)
