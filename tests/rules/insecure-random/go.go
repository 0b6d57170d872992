// bastion-fixture: internal/auth/otp.go
package auth

import (
	"fmt"
	"math/rand"
)

func NewOTP() string {
// expect: insecure-random
	return fmt.Sprintf("%06d", rand.Intn(1000000))
}
