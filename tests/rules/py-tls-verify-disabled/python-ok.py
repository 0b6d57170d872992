# bastion-fixture: app/client.py
# ok: py-tls-verify-disabled
import requests

def fetch(url):
    return requests.get(url, timeout=5, verify="/etc/ssl/ca.pem")
