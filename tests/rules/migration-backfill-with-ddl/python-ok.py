# bastion-fixture: shop/migrations/0043_order_changes.py
# ok: migration-backfill-with-ddl
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    atomic = False
    operations = [
        migrations.RunPython(fill_region, migrations.RunPython.noop),
    ]
