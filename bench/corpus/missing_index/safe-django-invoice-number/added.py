from billing.models import Invoice


def invoice_by_number(number):
    return Invoice.objects.get(number=number)
