from billing.models import Payment


def payments_of(customer):
    return Payment.objects.filter(customer=customer).order_by("-id")
