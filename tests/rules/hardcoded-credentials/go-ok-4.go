// bastion-fixture: shared/token/token.go
// ok: hardcoded-credentials
package token

// Type is the kind of a token: the constants name kinds, not tokens.
type Type string

const (
	UserToken       Type = "user"
	OAuthStateToken Type = "oauth-state"
	HookToken       Type = "hook-delivery"
)

// The id the generated JWT secret is stored under in the server's settings table.
const jwtSecretID = "jwt-secret"
