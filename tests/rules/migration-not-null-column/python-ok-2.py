# bastion-fixture: shop/migrations/0013_order_note_optional.py
# ok: migration-not-null-column
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0012_previous")]

    operations = [
        migrations.AlterField(
            model_name="order",
            name="note",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="order",
            name="title",
            field=models.CharField(max_length=300),
        ),
    ]
