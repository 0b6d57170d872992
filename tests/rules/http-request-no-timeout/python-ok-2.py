# bastion-fixture: playwright_tests/core/utilities.py
# ok: http-request-no-timeout
import requests


# An end-to-end suite's helper: a hang fails a test run, no service is exposed.
def fetch_version(base_url):
    return requests.get(base_url + "/__version__").json()
