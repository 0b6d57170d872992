from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("history", "0004_historyentry_is_hidden")]

    operations = [
        migrations.AlterField(
            model_name="historyentry",
            name="key",
            field=models.CharField(max_length=255, null=True, blank=True, default=None, db_index=True),
        ),
    ]
