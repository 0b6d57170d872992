# bastion-fixture: app/handlers/greet.py
# Tornado: a dict is written as JSON, and escaped text is safe in a page.
import tornado.escape
import tornado.web


class GreetHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_query_argument("name", "there")
# ok: reflected-xss
        self.write({"greeting": name})

    def post(self):
        name = tornado.escape.xhtml_escape(self.get_body_argument("name"))
        self.write("<h1>Hello, " + name + "</h1>")
