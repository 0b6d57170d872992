# bastion-fixture: app/handlers/greet.py
# Tornado: `self.write` of text answers with an HTML page.
import tornado.web


class GreetHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_query_argument("name", "there")
# expect: reflected-xss
        self.write("<h1>Hello, " + name + "</h1>")
