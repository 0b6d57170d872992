// bastion-fixture: src/db/migrate.ts
// ok: concurrent-index-in-transaction
import { Kysely, Migration, Migrator, sql } from "kysely";

const migrations: Record<string, Migration> = {
  "001_orders_status_idx": {
    async up(db: Kysely<any>) {
      await sql`CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status)`.execute(db);
    },
  },
};

export function migrator(db: Kysely<any>): Migrator {
  // No transaction around the run, so the concurrent build is allowed.
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    disableTransactions: true,
  });
}
