"""A tiny WSGI status app run behind the load balancer."""

import html
import os
import subprocess
from urllib.parse import parse_qs


def application(environ, start_response):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    service = query.get("service", ["web"])[0]
    status = subprocess.check_output("systemctl status " + service, shell=True)  # vuln: CWE-78
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [status]


def files_app(environ, start_response):
    path = environ["PATH_INFO"].lstrip("/")
    with open(os.path.join("/srv/static", path), "rb") as fh:  # vuln: CWE-22
        body = fh.read()
    start_response("200 OK", [("Content-Type", "application/octet-stream")])
    return [body]


def server_name_app(environ, start_response):
    name = environ.get("SERVER_NAME", "localhost")
    out = subprocess.check_output("host " + name, shell=True)  # safe: CWE-78
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [out]


def echo_app(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(size).decode()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [eval(body)]  # vuln: CWE-95
