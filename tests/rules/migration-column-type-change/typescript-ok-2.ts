// bastion-fixture: src/db/migrations/2024_05_10_orders_defaults.ts
// ok: migration-column-type-change
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("orders")
    .alterColumn("currency", (col) => col.setDefault("EUR"))
    .alterColumn("note", (col) => col.dropNotNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("orders").alterColumn("total", (col) => col.setDataType("integer")).execute();
}
