# bastion-fixture: app/transcripts.py
import ssl
import urllib.request

import urllib3

# expect: tls-verification-disabled
ssl._create_default_https_context = ssl._create_unverified_context


def insecure_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
# expect: tls-verification-disabled
    context.verify_mode = ssl.CERT_NONE
    return context


def pool() -> urllib3.PoolManager:
# expect: tls-verification-disabled
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def title(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read()
