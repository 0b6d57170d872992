// bastion-fixture: internal/auth/hash.go
package auth

import (
	"crypto/sha256"

	"golang.org/x/crypto/pbkdf2"
)

func LegacyHash(password string) []byte {
// expect: static-salt
	return pbkdf2.Key([]byte(password), []byte("ledgerly-salt"), 100000, 32, sha256.New)
}
