# bastion-fixture: app/client.py
# ok: tls-verification-disabled
import requests

def fetch(url):
    return requests.get(url, timeout=5, verify="/etc/ssl/ca.pem")
