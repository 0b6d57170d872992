# bastion-fixture: library/migrations/0001_initial.py
from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Series",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=200)),
            ],
        ),
        migrations.CreateModel(
            name="SeriesBook",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("book", models.CharField(max_length=200)),
                ("series_number", models.CharField(max_length=20, blank=True)),
                (
                    "series",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="library.series"
                    ),
                ),
            ],
            options={
                "unique_together": {("book", "series"), ("series", "series_number")},
            },
        ),
    ]
