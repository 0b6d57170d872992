from django.core.management.base import BaseCommand
from django.utils import timezone

from hc.api.models import Check


class Command(BaseCommand):
    def next_overdue(self):
        # The oldest deadline first, so a backlog drains in order.
        overdue = Check.objects.filter(alert_after__lt=timezone.now()).exclude(status="down")
        return overdue.order_by("alert_after").first()
