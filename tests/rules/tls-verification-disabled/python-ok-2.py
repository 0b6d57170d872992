# bastion-fixture: app/transcripts.py
# ok: tls-verification-disabled
import ssl

import urllib3

CA_FILE = "/etc/ssl/certs/internal-ca.pem"
ssl._create_default_https_context = ssl.create_default_context


def strict_context() -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=CA_FILE)
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=CA_FILE)


def previous_default() -> object:
    # Reading the hook to restore it later changes nothing.
    saved = ssl._create_default_https_context
    return saved
