from inbox.models import Message


def message(message_id):
    return Message.objects.get(pk=message_id)
