from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.core.models import PageRevision


class Command(BaseCommand):
    def due_revisions(self):
        return PageRevision.objects.filter(
            approved_go_live_at__lt=timezone.now()
        )
