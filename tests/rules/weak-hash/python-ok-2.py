# bastion-fixture: app/storage/digests.py
# ok: weak-hash
import hashlib
from hashlib import md5


def etag_for(body: bytes) -> str:
    # The author's own suppression of this exact check says it guards nothing.
    return md5(body).hexdigest()  # noqa: S324


def dedupe_key(chunks):
    digest = hashlib.sha1()  # nosec B324
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()
