// bastion-fixture: internal/auth/token.go
package auth

import "github.com/golang-jwt/jwt/v5"

func keyFunc(t *jwt.Token) (interface{}, error) {
// expect: jwt-verification-disabled
	return jwt.UnsafeAllowNoneSignatureType, nil
}
