// bastion-fixture: internal/db/conversation.go
// bastion-changed: conversations.repo.sql
// ok: query-on-unindexed-column
package db

// The primary key's two leading columns find one user's rows; the new column only
// narrows those.
const getRecentConversations = `
	SELECT chat_jid, last_message_ts FROM conversation
	WHERE bridge_id=$1 AND user_login_id=$2 AND (synced_login_ts IS NULL OR synced_login_ts < $4)
	ORDER BY last_message_ts DESC
	LIMIT $3
`
