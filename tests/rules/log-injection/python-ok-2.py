# bastion-fixture: app/sync/views.py
# ok: log-injection
import logging

import httpx
from flask import request

logger = logging.getLogger(__name__)


@app.post("/sync")
def sync():
    # The URL and headers of our own outgoing call, from the client library's exception
    # and response: the server built them.
    try:
        reply = httpx.post("https://api.example.com/steps", json={"steps": []})
        logger.info("sent to " + str(reply.request.url))
    except httpx.RequestError as e:
        logger.error(f"HTTP Request: error for {e.request.url!r}.")
    return "ok"
