// bastion-fixture: src/db/migrations/2024_05_04_orders_status_idx.ts
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
// expect: concurrent-index-in-transaction
  await sql`CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX orders_status_idx`.execute(db);
}
