# bastion-fixture: library/migrations/0002_alter_seriesbook_unique_together.py
# bastion-repo: initial.repo.py
# ok: redundant-index
# AlterUniqueTogether states the whole new set: (book, series) stays as it was and
# (series, series_number) goes; nothing is added twice.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AlterUniqueTogether(
            name="seriesbook",
            unique_together={("book", "series")},
        ),
    ]
