"""Tornado handlers receiving supplier catalogue feeds."""
import json
import logging
import ssl

import defusedxml.ElementTree as SafeET
import tornado.httpclient
import tornado.web
from lxml import etree

log = logging.getLogger("integrations")

SUPPLIER_API = "https://api.supplier-hub.net/v2/catalogue"
CA_BUNDLE = "/etc/ssl/certs/supplier-hub-ca.pem"


def _parse_catalogue(body: bytes):
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(body, parser)  # vuln: CWE-611
    return [
        {"sku": item.findtext("sku"), "price": item.findtext("price")}
        for item in root.iter("item")
    ]


class CatalogueUploadHandler(tornado.web.RequestHandler):
    def post(self):
        items = _parse_catalogue(self.request.body)
        log.info("received %d catalogue items", len(items))
        self.write({"items": len(items)})


class StockFeedHandler(tornado.web.RequestHandler):
    def post(self):
        tree = SafeET.fromstring(self.request.body)  # safe: CWE-611
        levels = {}
        for node in tree.iter("stock"):
            levels[node.get("sku")] = int(node.get("qty", "0"))
        self.write({"updated": len(levels)})


class CatalogueSyncHandler(tornado.web.RequestHandler):
    async def post(self):
        client = tornado.httpclient.AsyncHTTPClient()
        req = tornado.httpclient.HTTPRequest(
            SUPPLIER_API,
            method="GET",
            request_timeout=20,
            validate_cert=False,  # vuln: CWE-295
        )
        resp = await client.fetch(req)
        data = json.loads(resp.body)
        self.write({"synced": len(data.get("items", []))})


class PriceSyncHandler(tornado.web.RequestHandler):
    async def post(self):
        ctx = ssl.create_default_context(cafile=CA_BUNDLE)
        ctx.check_hostname = True
        ctx.verify_mode = ssl.CERT_REQUIRED  # safe: CWE-295
        client = tornado.httpclient.AsyncHTTPClient()
        resp = await client.fetch(
            tornado.httpclient.HTTPRequest(SUPPLIER_API + "/prices", ssl_options=ctx,
                                           request_timeout=20))
        self.write({"prices": len(json.loads(resp.body))})


def make_app():
    return tornado.web.Application([
        (r"/integrations/catalogue", CatalogueUploadHandler),
        (r"/integrations/stock", StockFeedHandler),
        (r"/integrations/sync", CatalogueSyncHandler),
        (r"/integrations/prices", PriceSyncHandler),
    ])
