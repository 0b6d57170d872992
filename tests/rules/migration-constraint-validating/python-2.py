# bastion-fixture: shop/migrations/0043_order_changes.py
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0042_order_created_idx")]
    operations = [
# expect: migration-constraint-validating
        migrations.AddConstraint(
            model_name="order",
            constraint=models.CheckConstraint(check=models.Q(total__gte=0), name="pos"),
        ),
    ]
