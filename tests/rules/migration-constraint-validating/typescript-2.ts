// bastion-fixture: src/db/migrations/2024_05_11_orders_keys.ts
import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("orders")
// expect: migration-constraint-validating
    .addForeignKeyConstraint("orders_customer_fk", ["customer_id"], "customers", ["id"])
    .execute();
// expect: migration-constraint-validating
  await db.schema.alterTable("orders").addUniqueConstraint("orders_ref_key", ["ref"]).execute();
  await db.schema
    .alterTable("payments")
// expect: migration-constraint-validating
    .addColumn("order_id", "integer", (col) => col.references("orders.id").onDelete("cascade"))
    .execute();
}
