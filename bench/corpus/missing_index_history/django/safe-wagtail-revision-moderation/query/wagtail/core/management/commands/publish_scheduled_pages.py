import json

from django.core.management.base import BaseCommand
from django.utils import dateparse, timezone

from wagtail.core.models import Page, PageRevision


        # 2. get all page revisions for moderation that have been expired
        expired_revs = [
            r for r in PageRevision.objects.filter(
                submitted_for_moderation=True
            ) if revision_date_expired(r)
        ]
