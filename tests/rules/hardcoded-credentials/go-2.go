// bastion-fixture: internal/consts/keys.go
package consts

const (
// expect: hardcoded-credentials
	JWTSecretKey = "JWTPublicSecret2024!"
// expect: hardcoded-credentials
	linkToken = "lastfm-link-8f3a9c21d4"
)
