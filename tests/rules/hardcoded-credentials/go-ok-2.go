// bastion-fixture: internal/consts/consts.go
// ok: hardcoded-credentials
package consts

const (
	// Names of stored properties and token scopes, not their values.
	JWTPublicSecretKey = "JWTPublicSecret"
	linkTokenScope     = "lastfm-link"
	// Generated RPC procedure names.
	UserServiceGetUserWebhookSigningSecretProcedure = "/acme.api.v1.UserService/GetUserWebhookSigningSecret"
)
