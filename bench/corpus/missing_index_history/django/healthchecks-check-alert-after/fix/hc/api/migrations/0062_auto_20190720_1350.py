from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("api", "0061_webhook_values")]

    operations = [
        migrations.AddIndex(
            model_name="check",
            index=models.Index(
                fields=["alert_after"],
                condition=models.Q(_negated=True, status="down"),
                name="api_check_aa_not_down",
            ),
        ),
        migrations.AddIndex(
            model_name="flip",
            index=models.Index(
                fields=["processed"], condition=models.Q(processed=None), name="api_flip_not_processed"
            ),
        ),
    ]
