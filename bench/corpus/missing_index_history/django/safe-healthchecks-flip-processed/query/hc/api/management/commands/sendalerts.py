from django.core.management.base import BaseCommand

from hc.api.models import Flip


class Command(BaseCommand):
    def take_pending_flip(self):
        # Ordering on the filtered column keeps Django from adding its default id sort.
        return Flip.objects.filter(processed=None).order_by("processed").first()
