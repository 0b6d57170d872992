from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0025_remove_member_team")]

    operations = [
        migrations.AlterField(
            model_name="project",
            name="api_key",
            field=models.CharField(max_length=128, blank=True, db_index=True),
        ),
        migrations.AlterField(
            model_name="project",
            name="api_key_readonly",
            field=models.CharField(max_length=128, blank=True, db_index=True),
        ),
    ]
