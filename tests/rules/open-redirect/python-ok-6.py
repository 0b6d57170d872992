# bastion-fixture: shop/web/views/orders.py
# ok: open-redirect
from django.http import HttpResponseRedirect
from django.urls import reverse


def _back_to(request, target):
    if request.GET.get("page"):
        target = f"{target}?page={int(request.GET['page'])}"
    return HttpResponseRedirect(target)


def archive(request, order_id):
    orders.archive(order_id)
    return _back_to(request, reverse("orders:index"))
