// bastion-fixture: src/db/migrations/2024_05_13_orders_placed_at.ts
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
// expect: migration-column-type-change
  await sql`ALTER TABLE ${sql.table("orders")} ALTER COLUMN placed_at TYPE timestamptz`.execute(db);
}
