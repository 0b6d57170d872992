# bastion-fixture: shop/migrations/0012_stockmovement_counted_by.py
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0011_previous")]

    operations = [
# expect: index-build-blocking
        migrations.AddField(
            model_name="stockmovement",
            name="counted_by",
            field=models.ForeignKey(null=True, on_delete=models.SET_NULL, to="shop.customer"),
        ),
    ]
