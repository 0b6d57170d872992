-- bastion-fixture: db/migrations/0042_change.sql
-- ok: migration-drop-or-rename
CREATE TABLE tmp_import (id bigint);
DROP TABLE tmp_import;
