-- bastion-fixture: db/migrations/0042_change.sql
-- ok: pg-drop-table
CREATE TABLE tmp_import (id bigint);
DROP TABLE tmp_import;
