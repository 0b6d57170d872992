// bastion-fixture: src/db/migrations/2024_05_08_orders_priority.ts
// ok: migration-not-null-column
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("orders")
    .addColumn("priority", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("note", "text")
    .execute();
  await db.schema
    .createTable("refunds")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("amount", "integer", (col) => col.notNull())
    .execute();
  await db.schema.alterTable("refunds").addColumn("reason", "text", (col) => col.notNull()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("orders").alterColumn("note", (col) => col.setNotNull()).execute();
}
