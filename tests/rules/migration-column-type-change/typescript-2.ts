// bastion-fixture: src/db/migrations/2024_05_09_orders_total.ts
import { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("orders")
// expect: migration-column-type-change
    .alterColumn("total", (col) => col.setDataType("bigint"))
    .execute();
}
