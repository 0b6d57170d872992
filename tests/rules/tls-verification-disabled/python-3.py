# bastion-fixture: app/webhooks.py
import aiohttp


async def deliver(url: str, body: bytes) -> int:
# expect: tls-verification-disabled
    connector = aiohttp.TCPConnector(ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.post(url, data=body, timeout=aiohttp.ClientTimeout(total=10)) as answer:
            return answer.status


async def probe(session: aiohttp.ClientSession, url: str) -> int:
# expect: tls-verification-disabled
    async with session.get(url, verify_ssl=False) as answer:
        return answer.status
