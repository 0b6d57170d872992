-- bastion-fixture: prisma/migrations/20260706000100_add_agent_skills/migration.sql
-- A table this migration creates, with an index that is the left prefix of a later one:
-- nothing has shipped, so the shorter index can be dropped for free.
CREATE TABLE "AgentSkill" (
    "id" TEXT NOT NULL,
    "orgId" INTEGER NOT NULL,
    "visibility" TEXT NOT NULL,
    CONSTRAINT "AgentSkill_pkey" PRIMARY KEY ("id")
);

-- expect: redundant-index
CREATE INDEX "AgentSkill_orgId_idx" ON "AgentSkill"("orgId");

CREATE INDEX "AgentSkill_orgId_visibility_idx" ON "AgentSkill"("orgId", "visibility");
