from django.core.management.base import BaseCommand

from wagtail.core.models import PageRevision


class Command(BaseCommand):
    def stale_submissions(self, is_stale):
        return [
            rev for rev in PageRevision.objects.filter(
                submitted_for_moderation=True
            ) if is_stale(rev)
        ]
