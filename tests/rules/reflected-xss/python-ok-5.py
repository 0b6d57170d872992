# bastion-fixture: app/views/partials.py
# ok: reflected-xss
from django.http import HttpResponse
from django.template import loader


def search_results(request):
    query = request.GET.get("q", "")
    # The template escapes `query` (Django's autoescape): the fragment is safe HTML.
    fragment = loader.render_to_string("search/results.html", {"query": query}, request)
    return HttpResponse(f'<div id="results">{fragment}</div>')
