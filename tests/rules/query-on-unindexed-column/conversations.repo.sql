-- bastion-fixture: internal/db/upgrades/07-conversation-synced.sql
CREATE TABLE conversation (
    bridge_id       TEXT    NOT NULL,
    user_login_id   TEXT    NOT NULL,
    chat_jid        TEXT    NOT NULL,
    last_message_ts BIGINT,
    synced_login_ts BIGINT,
    PRIMARY KEY (bridge_id, user_login_id, chat_jid)
);
