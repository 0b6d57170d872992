# bastion-fixture: app/security.py
# ok: cookie-insecure
from flask_wtf.csrf import generate_csrf


def init_app(app):
    @app.after_request
    def inject_csrf_token(response):
        # The page's script reads this token and echoes it in a header (double submit).
        response.set_cookie("csrf_token", generate_csrf())
        return response
