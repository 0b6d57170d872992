# bastion-fixture: shop/models.py
from django.db import models


class Order(models.Model):
# expect: fk-without-index
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, db_index=False)
