# bastion-fixture: shop/migrations/0043_order_changes.py
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    operations = [
# expect: migration-column-rewrite
        migrations.AddField("order", "token", models.UUIDField(default=uuid.uuid4)),
    ]
