# bastion-fixture: app/billing/sync.py
import requests


def sync(payload):
    session = requests.Session()
# expect: tls-verification-disabled
    resp = session.post("https://billing.internal/sync", json=payload, timeout=10, verify=False)
    return resp.json()


def legacy_client():
    session = requests.Session()
# expect: tls-verification-disabled
    session.verify = False
    return session
