-- bastion-fixture: packages/shared/clickhouse/migrations/unclustered/0044_drop_event_log.up.sql
-- ClickHouse, not PostgreSQL: the folder names the engine.
-- ok: migration-drop-or-rename
DROP TABLE IF EXISTS event_log;
