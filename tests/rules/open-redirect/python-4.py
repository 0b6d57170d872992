# bastion-fixture: shop/web/views/orders.py
from django.http import HttpResponseRedirect
from django.urls import reverse


def _back_to(request, target):
    return HttpResponseRedirect(target)


def archive(request, order_id):
    orders.archive(order_id)
    return _back_to(request, reverse("orders:index"))


def go(request, target):
# expect: open-redirect
    return HttpResponseRedirect(target)
