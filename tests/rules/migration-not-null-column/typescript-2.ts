// bastion-fixture: src/db/migrations/2024_05_07_orders_status.ts
import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("orders")
// expect: migration-not-null-column
    .addColumn("status", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .alterTable("customers")
// expect: migration-not-null-column
    .alterColumn("email", (col) => col.setNotNull())
    .execute();
}
