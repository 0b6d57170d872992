# bastion-fixture: shop/migrations/0043_order_changes.py
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    operations = [
        migrations.AddField("order", "region", models.TextField(null=True)),
# expect: migration-backfill-with-ddl
        migrations.RunPython(fill_region, migrations.RunPython.noop),
    ]
