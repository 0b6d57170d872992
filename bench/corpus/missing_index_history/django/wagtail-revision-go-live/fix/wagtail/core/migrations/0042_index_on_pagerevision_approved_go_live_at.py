from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0041_group_collection_permissions_verbose_name_plural")]

    operations = [
        migrations.AlterField(
            model_name="pagerevision",
            name="approved_go_live_at",
            field=models.DateTimeField(null=True, blank=True, db_index=True),
        ),
    ]
