# bastion-fixture: shop/migrations/0043_order_changes.py
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    operations = [
# expect: concurrent-index-in-transaction
        AddIndexConcurrently("order", models.Index(fields=["ref"], name="ref_ix")),
    ]
