// bastion-fixture: src/db/migrations/2024_05_05_orders_cleanup.ts
import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("orders")
// expect: migration-drop-or-rename
    .dropColumn("legacy_ref")
    .execute();
// expect: migration-drop-or-rename
  await db.schema.alterTable("orders").renameColumn("ref", "reference").execute();
// expect: migration-drop-or-rename
  await db.schema.alterTable("shipments").renameTo("deliveries").execute();
// expect: migration-drop-or-rename
  await db.schema.dropTable("order_notes").execute();
}
