// bastion-fixture: src/db/migrations/2024_05_06_create_coupons.ts
// ok: migration-drop-or-rename
import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("coupons")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("code", "text")
    .execute();
  await db.schema.alterTable("coupons").renameColumn("code", "coupon_code").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // The rollback path drops what `up` created.
  await db.schema.alterTable("orders").dropColumn("coupon_id").execute();
  await db.schema.dropTable("coupons").execute();
}

export async function rebuild(db: Kysely<any>): Promise<void> {
  // SQLite changes a column by rebuilding the table under its own name.
  await db.schema.createTable("orders_new").addColumn("id", "text").execute();
  await db.schema.dropTable("orders").execute();
  await db.schema.alterTable("orders_new").renameTo("orders").execute();
}
