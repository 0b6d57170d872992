from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0008_product_uuid_pk"),
    ]

    operations = [
        migrations.CreateModel(
            name="Shipment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("carrier", models.CharField(max_length=20)),
                ("tracking", models.CharField(max_length=64, unique=True)),
                ("order", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="shop.order")),
                ("handled_by", models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to="shop.customer")),
            ],
        ),
        migrations.AddIndex(
            model_name="shipment",
            index=models.Index(fields=["carrier", "tracking"], name="shop_shipment_carrier_idx"),
        ),
        migrations.AddConstraint(
            model_name="shipment",
            constraint=models.CheckConstraint(check=models.Q(carrier__in=["ups", "dhl"]), name="shop_shipment_carrier_known"),
        ),
        migrations.AlterField(
            model_name="order",
            name="id",
            field=models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
        ),
    ]
