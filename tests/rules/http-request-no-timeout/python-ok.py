# bastion-fixture: app/client.py
# ok: http-request-no-timeout
import requests

def fetch(url):
    return requests.get(url, timeout=10)
