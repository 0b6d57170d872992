# bastion-fixture: app/sync/views.py
import logging

from flask import request

logger = logging.getLogger(__name__)


@app.post("/sync")
def sync():
    # The client's own request: its URL carries whatever it sent.
# expect: log-injection
    logger.error(f"sync failed for {request.url!r}")
    return "ok"
