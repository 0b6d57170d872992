// bastion-fixture: src/db/migrations/2024_05_01_index_orders.ts
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
// expect: index-build-blocking
    .createIndex("orders_customer_idx")
    .on("orders")
    .columns(["customer_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("orders_customer_idx").execute();
}
