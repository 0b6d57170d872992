# bastion-fixture: shop/models.py
from django.db import models


class Order(models.Model):
# expect: foreign-key-not-indexed
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, db_index=False)
