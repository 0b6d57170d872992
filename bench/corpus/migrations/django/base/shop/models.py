from django.db import models


class Customer(models.Model):
    email = models.EmailField()
    name = models.CharField(max_length=120)
    nickname = models.CharField(max_length=50, null=True, blank=True)
    loyalty_code = models.CharField(max_length=50, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Product(models.Model):
    sku = models.CharField(max_length=64)
    title = models.CharField(max_length=200)
    legacy_code = models.CharField(max_length=30, blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=2)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    status = models.CharField(max_length=20)
    note = models.TextField(null=True)
    reference = models.CharField(max_length=50)
    placed_at = models.DateTimeField()


class Coupon(models.Model):
    code = models.CharField(max_length=30)
    percent_off = models.IntegerField()


class StockMovement(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    quantity = models.IntegerField()
