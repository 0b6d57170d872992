-- bastion-fixture: prisma/migrations/20240108174319_add_expense_date/migration.sql
-- ok: migration-column-rewrite
-- CURRENT_DATE, CURRENT_TIMESTAMP and now() are STABLE: evaluated once by the ALTER and
-- stored in the catalog (PostgreSQL 11+), so no row is rewritten.
ALTER TABLE "Expense" ADD COLUMN "expenseDate" DATE NOT NULL DEFAULT CURRENT_DATE;
ALTER TABLE "Expense" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Expense" ADD COLUMN "seenAt" timestamptz NOT NULL DEFAULT now();
