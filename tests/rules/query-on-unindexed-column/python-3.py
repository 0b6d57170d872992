# bastion-fixture: shop/models.py
from django.db import models

class Order(models.Model):
    status = models.CharField(max_length=20)


def open_orders():
# expect: query-on-unindexed-column
    return Order.objects.filter(status="open").order_by("-id")
