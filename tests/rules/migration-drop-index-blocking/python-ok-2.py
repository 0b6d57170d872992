# bastion-fixture: shop/migrations/0043_order_changes.py
# ok: migration-drop-index-blocking
from django.contrib.postgres.operations import RemoveIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    atomic = False
    operations = [
        RemoveIndexConcurrently(model_name="order", name="order_legacy_idx"),
    ]
