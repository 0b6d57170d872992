# bastion-fixture: app/handlers/auth.py
# Tornado: the login form's `next` field is the redirect target.
import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_secure_cookie("user", self.get_body_argument("user"))
# expect: open-redirect
        self.redirect(self.get_body_argument("next", "/"))
