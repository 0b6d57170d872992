// bastion-fixture: internal/auth/tokens.go
package auth

import (
	"crypto/md5"
	"encoding/hex"
)

func PasswordDigest(password string) string {
// expect: weak-hash
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}
