# bastion-fixture: wiki/admin_views.py
# ok: open-redirect
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse_lazy

from core.urls import admin_reverse

from .forms import PageForm


def save_settings(request):
    # The site's own admin page for the posted id, built by the project's URL builder.
    return HttpResponseRedirect(admin_reverse("wiki_settings_change", args=[request.POST["id"]]))


def edit_page(request):
    form = PageForm(request.POST)
    page = form.save()
    # The saved page's own URL (the model builds it from its route).
    return redirect(page.get_absolute_url())


def by_slug(request):
    return redirect(reverse_lazy("wiki:page", args=[request.GET["slug"]]))
