from django.http import HttpResponse, HttpResponseBadRequest

from hc.api.models import Check


def ping(request, code):
    try:
        check = Check.objects.get(code=code)
    except Check.DoesNotExist:
        return HttpResponseBadRequest()
    return HttpResponse(check.status)
