# bastion-fixture: app/cache.py
# ok: tls-verification-disabled
import redis


def cache(host: str) -> redis.Redis:
    # Without aiohttp, `ssl=False` on a client means no TLS, not an unchecked certificate.
    return redis.Redis(host=host, ssl=False)


def fetch(client, key: str) -> bytes:
    return client.get(key, ssl=False)
