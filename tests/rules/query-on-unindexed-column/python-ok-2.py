# bastion-fixture: shop/models.py
# ok: query-on-unindexed-column
from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=20)
    email = models.EmailField(db_index=True)

    @classmethod
    def recent(cls, value):
        return Order.objects.filter(pk=value)
