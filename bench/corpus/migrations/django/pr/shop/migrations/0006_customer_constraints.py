from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0005_order_note_required"),
    ]

    operations = [
        migrations.AlterField(
            model_name="customer",
            name="email",
            field=models.EmailField(max_length=254, unique=True),
        ),
        migrations.AddConstraint(
            model_name="product",
            constraint=models.CheckConstraint(check=models.Q(price__gte=0), name="shop_product_price_gte_0"),
        ),
        migrations.AddConstraint(
            model_name="order",
            constraint=models.UniqueConstraint(fields=["customer", "reference"], name="shop_order_customer_reference_uniq"),
        ),
        migrations.AddField(
            model_name="stockmovement",
            name="counted_by",
            field=models.ForeignKey(null=True, on_delete=models.SET_NULL, to="shop.customer"),
        ),
    ]
