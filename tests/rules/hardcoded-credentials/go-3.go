// bastion-fixture: internal/auth/keys.go
package auth

const (
	// expect: hardcoded-credentials
	signingSecret string = "9f8a7b6c5d4e3f2a1b0c-prod"
)
