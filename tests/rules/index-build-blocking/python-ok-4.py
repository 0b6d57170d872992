# bastion-fixture: shop/migrations/0012_stockmovement_counted_by.py
# ok: index-build-blocking
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0011_previous")]

    operations = [
        migrations.AddField(
            model_name="stockmovement",
            name="counted_by",
            field=models.ForeignKey(
                db_index=False, null=True, on_delete=models.SET_NULL, to="shop.customer"
            ),
        ),
        migrations.AddField(
            model_name="stockmovement",
            name="note",
            field=models.TextField(null=True),
        ),
    ]
