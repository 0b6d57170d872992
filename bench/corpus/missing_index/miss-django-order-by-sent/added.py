from inbox.models import Message


def latest_messages():
    return Message.objects.order_by("-sent_at")[:50]
