-- bastion-fixture: prisma/migrations/20260101000000_init/migration.sql
CREATE TABLE "Model" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "meta" JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX "Model_flagSnapshot_source_idx"
  ON "Model" (((meta->'flagSnapshot'->>'source')))
  WHERE meta ? 'flagSnapshot';
