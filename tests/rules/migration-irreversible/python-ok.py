# bastion-fixture: shop/migrations/0043_order_changes.py
# ok: migration-irreversible
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    operations = [
        migrations.RunPython(fill_region, reverse_code=migrations.RunPython.noop),
    ]
