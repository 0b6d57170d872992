# bastion-fixture: app/handlers/sync.py
# Tornado's HTTP client told not to check the supplier's certificate.
import tornado.httpclient
import tornado.web

SUPPLIER_API = "https://supplier.example.com/v2/catalogue"


class CatalogueSyncHandler(tornado.web.RequestHandler):
    async def post(self):
        client = tornado.httpclient.AsyncHTTPClient()
# expect: tls-verification-disabled
        req = tornado.httpclient.HTTPRequest(SUPPLIER_API, method="GET", request_timeout=20, validate_cert=False)
        response = await client.fetch(req)
        self.write({"status": response.code})
