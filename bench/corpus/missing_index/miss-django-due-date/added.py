import datetime

from billing.models import Invoice


def overdue_invoices():
    today = datetime.date.today()
    return list(Invoice.objects.filter(due_date__lt=today).select_related("customer"))
