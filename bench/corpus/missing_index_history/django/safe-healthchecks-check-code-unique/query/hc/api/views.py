from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from hc.api.models import Check


def ping(request, code):
    check = get_object_or_404(Check, code=code)
    return HttpResponse(check.status)
