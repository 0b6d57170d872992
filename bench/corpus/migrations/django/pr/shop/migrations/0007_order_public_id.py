from django.contrib.postgres.functions import RandomUUID
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0006_customer_constraints"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="public_id",
            field=models.UUIDField(db_default=RandomUUID()),
        ),
        migrations.AlterField(
            model_name="customer",
            name="nickname",
            field=models.CharField(blank=True, max_length=50),
        ),
        migrations.RenameField(
            model_name="product",
            old_name="title",
            new_name="name",
        ),
        migrations.RemoveField(
            model_name="customer",
            name="loyalty_code",
        ),
        migrations.DeleteModel(
            name="Coupon",
        ),
        migrations.RenameModel(
            old_name="StockMovement",
            new_name="InventoryMovement",
        ),
    ]
