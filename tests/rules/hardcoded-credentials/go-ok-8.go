// bastion-fixture: internal/model/common/common.go
// ok: hardcoded-credentials
package common

// Names of the one-off migrations already applied, kept in the settings table.
const (
	UsersPasswordColumnDroppedKey = "users_password_column_dropped_v1"
	UserTokenBackfilledKey        = "user_token.backfilled.v2"
)

// Messages shown to the user.
const (
	PASSWORD_INCORRECT = "密码错误"
	TOKEN_REVOKED      = "令牌已被吊销，请重新登录"
)
