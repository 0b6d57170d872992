from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("shop", "0002_order_status_index"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="customer",
            index=models.Index(fields=["email"], name="shop_customer_email_idx"),
        ),
    ]
