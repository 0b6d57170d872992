// bastion-fixture: internal/auth/consts.go
// ok: hardcoded-credentials
package auth

const (
	// The text of an error about a password, and the name a request context stores
	// the session's secret under: neither is a credential.
	errWrongPassword = "Wrong password, please try again"
	passwordHint     = "Passwords must not be reused"
	sessionSecretCtx = "sessionSecretCtx"
)
