# bastion-fixture: app/client.py
import requests

def fetch(url):
# expect: http-request-no-timeout
    return requests.get(url)
