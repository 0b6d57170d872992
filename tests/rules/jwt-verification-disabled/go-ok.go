// bastion-fixture: internal/auth/token.go
// ok: jwt-verification-disabled
package auth

// never return jwt.UnsafeAllowNoneSignatureType here
func keyFunc(t *jwt.Token) (interface{}, error) {
	return key, nil
}
