# bastion-fixture: app/webhooks.py
# ok: tls-verification-disabled
import ssl

import aiohttp
import redis

CONTEXT = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")


async def deliver(url: str, body: bytes) -> int:
    connector = aiohttp.TCPConnector(ssl=CONTEXT)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.post(url, data=body, ssl=CONTEXT) as answer:
            return answer.status


def cache() -> redis.Redis:
    # A plain connection on the private network: no TLS at all is another question.
    return redis.Redis(host="cache", ssl=False)
