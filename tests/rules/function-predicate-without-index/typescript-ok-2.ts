// bastion-fixture: src/server/services/flags.service.ts
// bastion-repo: snapshot.repo.sql
// The key is a bound parameter whose value is the literal the expression index names.
// ok: function-predicate-without-index
import { dbRead } from "~/server/db/client";

const FLAG_SNAPSHOT_KEY = "flagSnapshot";

export async function autoFlagged(limit: number) {
  return dbRead.$queryRaw`
    SELECT m.id, m.name
    FROM "Model" m
    WHERE m.meta ? ${FLAG_SNAPSHOT_KEY}
      AND m.meta->${FLAG_SNAPSHOT_KEY}->>'source' = 'auto'
    LIMIT ${limit}
  `;
}
