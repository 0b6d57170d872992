# bastion-fixture: shop/migrations/0001_initial.py
# ok: index-build-blocking
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[("id", models.BigAutoField(primary_key=True))],
        ),
        migrations.AddIndex(
            model_name="order",
            index=models.Index(fields=["id"], name="order_id_idx"),
        ),
    ]
