// bastion-fixture: internal/auth/otp.go
// ok: insecure-random
package auth

import (
	"crypto/rand"
	"math/big"
)

func NewOTP() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1000000))
	if err != nil {
		return "", err
	}
	return n.String(), nil
}
