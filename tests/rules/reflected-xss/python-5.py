# bastion-fixture: app/blueprint/echo.py
from flask import make_response, request


def echo():
    text = request.args.get("text", "")
    if request.args.get("plain"):
# expect: reflected-xss
        response = make_response(text)
        return response
# expect: reflected-xss
    page = make_response(f"<p>{text}</p>")
    page.headers["Content-Type"] = "text/html; charset=utf-8"
    return page
