// bastion-fixture: src/db/migrations/2024_05_02_users_email.ts
import { Kysely, sql } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
// expect: index-build-blocking
  await db.schema.createIndex("users_email_lower").unique().on("users").expression(sql`lower(email)`).execute();
}
