from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0009_shipments"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="customer",
                    name="phone",
                ),
            ],
            database_operations=[],
        ),
        migrations.RunSQL(
            sql="CREATE INDEX CONCURRENTLY IF NOT EXISTS shop_order_placed_at_idx ON shop_order (placed_at);",
            reverse_sql="DROP INDEX CONCURRENTLY IF EXISTS shop_order_placed_at_idx;",
        ),
    ]

    atomic = False
