// bastion-fixture: src/db/migrations/2024_05_03_create_invoices.ts
// ok: index-build-blocking
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("invoices")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("customer_id", "integer", (col) => col.notNull())
    .execute();
  // The table is new and empty: a plain build takes no time.
  await db.schema.createIndex("invoices_customer_idx").on("invoices").column("customer_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("invoices").execute();
  await db.schema.createIndex("orders_old_idx").on("orders").column("old").execute();
}
