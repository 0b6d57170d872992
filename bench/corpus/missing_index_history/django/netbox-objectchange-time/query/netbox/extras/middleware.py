import random
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ObjectChange


def maybe_trim_changelog():
    # Runs on a small share of requests so the cost is spread out.
    days = settings.CHANGELOG_RETENTION
    if days and random.random() < 0.01:
        oldest_kept = timezone.now() - timedelta(days=days)
        ObjectChange.objects.filter(
            time__lt=oldest_kept
        ).delete()
