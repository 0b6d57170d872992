// bastion-fixture: vehicle/tibber/oauth.go
// ok: hardcoded-credentials
package tibber

// Where the token is fetched, not the token.
const TokenURI = "https://thewall.tibber.com/connect/token"
