from billing.models import Payment


def payment_for_webhook(event):
    return Payment.objects.filter(provider_ref=event["data"]["id"]).first()
