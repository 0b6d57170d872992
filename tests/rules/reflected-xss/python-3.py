# bastion-fixture: app/views/partials.py
from django.http import HttpResponse
from django.template import loader


def search_results(request):
    query = request.GET.get("q", "")
    fragment = loader.render_to_string("search/results.html", {"query": query}, request)
# expect: reflected-xss
    return HttpResponse(f'<div id="results" title="{query}">{fragment}</div>')
