// bastion-fixture: internal/db/conversation.go
// bastion-changed: conversations.repo.sql
package db

// Only the new column filters: every bridge's and user's rows are read.
const getUnsynced = `
	SELECT chat_jid FROM conversation
// expect: query-on-unindexed-column
	WHERE synced_login_ts IS NULL OR synced_login_ts < $1
`
