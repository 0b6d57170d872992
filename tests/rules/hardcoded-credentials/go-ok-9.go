// bastion-fixture: drivers/bunny_storage/util.go
// ok: hardcoded-credentials
package bunny_storage

const (
	cdnTokenMethodSHA256     = "sha256"
	cdnTokenMethodHMACSHA256 = "hmac_sha256"
	jwtSigningAlgorithm      = "HS256"
)
