// bastion-fixture: src/db/migrations/2024_05_12_create_refunds.ts
// ok: migration-constraint-validating
import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("refunds")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("order_id", "integer", (col) => col.references("orders.id"))
    .execute();
  await db.schema
    .alterTable("refunds")
    .addForeignKeyConstraint("refunds_payment_fk", ["payment_id"], "payments", ["id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("orders").addUniqueConstraint("orders_ref_key", ["ref"]).execute();
}
