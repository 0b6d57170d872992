# bastion-fixture: app/front/views.py
# ok: csrf-disabled
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from app.front import forms
from app.front.search import search_docs


# A search page and a bot's webhook: neither acts as whoever is logged in, so there is
# nothing for a forged cross-site request to borrow.
@csrf_exempt
def docs_search(request: HttpRequest) -> HttpResponse:
    form = forms.SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "front/docs_search.html", {"results": []})
    return render(request, "front/docs_search.html", {"results": search_docs(form.cleaned_data["q"])})


@csrf_exempt
def chat_bot(request: HttpRequest) -> HttpResponse:
    message = forms.BotMessage.parse(request.body)
    agent = request.META.get("HTTP_USER_AGENT", "")
    message.reply(f"Received from {message.chat.username} ({agent})")
    return HttpResponse()
