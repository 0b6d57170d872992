from billing.models import Customer


def customer_by_email(email):
    return Customer.objects.filter(email=email).first()
