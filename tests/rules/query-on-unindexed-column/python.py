# bastion-fixture: shop/models.py
from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=20)
    email = models.EmailField(db_index=True)

    @classmethod
    def recent(cls, value):
# expect: query-on-unindexed-column
        return Order.objects.filter(status="paid")
