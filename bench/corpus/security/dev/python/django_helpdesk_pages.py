"""Django views for the help-desk."""

from django.http import HttpResponse
from django.utils.html import escape


def greet(request):
    who = request.GET.get("who", "")
    return HttpResponse(f"<p>Hi {who}</p>")  # vuln: CWE-79


def greet_safe(request):
    who = request.GET.get("who", "")
    return HttpResponse(f"<p>Hi {escape(who)}</p>")  # safe: CWE-79


def agent(request):
    ua = request.META.get("HTTP_USER_AGENT", "")
    response = HttpResponse()
    response.write("<p>Your browser: " + ua + "</p>")  # vuln: CWE-79
    return response


def note(request):
    body = request.body.decode("utf-8")
    return HttpResponse("<div>%s</div>" % body, content_type="text/html")  # vuln: CWE-79


def lang(request):
    pref = request.headers.get("Accept-Language", "en")
    return HttpResponse("Language: " + pref, content_type="text/plain")  # safe: CWE-79


def ticket(request, ticket_id):
    return HttpResponse("<h2>Ticket " + ticket_id + "</h2>")  # vuln: CWE-79


def cookie_echo(request):
    theme = request.COOKIES.get("theme", "light")
    allowed = {"light", "dark"}
    if theme not in allowed:
        theme = "light"
    return HttpResponse("<body class='" + theme + "'>")  # safe: CWE-79
