from django.db import models


class Customer(models.Model):
    email = models.EmailField(db_index=True)
    name = models.CharField(max_length=120)


class Payment(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    provider_ref = models.CharField(max_length=64)
    amount_cents = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class Invoice(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    number = models.CharField(max_length=32, unique=True)
    due_date = models.DateField()
    paid = models.BooleanField(default=False)
