# bastion-fixture: shop/migrations/0042_order_created_idx.py
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0041_order_status")]

    operations = [
# expect: index-build-blocking
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["created_at"], name="order_created_idx"),
        ),
    ]
