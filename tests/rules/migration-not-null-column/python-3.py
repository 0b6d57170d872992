# bastion-fixture: shop/migrations/0013_order_note_required.py
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0012_previous")]

    operations = [
# expect: migration-not-null-column
        migrations.AlterField(
            model_name="order",
            name="note",
            field=models.TextField(default=""),
            preserve_default=False,
        ),
    ]
