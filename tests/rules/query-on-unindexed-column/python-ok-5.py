# bastion-fixture: shop/models.py
# ok: query-on-unindexed-column
from django.db import models

class Order(models.Model):
    status = models.CharField(max_length=20, db_index=True)


def open_orders():
    return Order.objects.filter(status="open").order_by("-id")
