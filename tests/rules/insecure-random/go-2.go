// bastion-fixture: internal/auth/reset.go
package auth

import (
	"fmt"
	"math/rand"
	"time"
)

// A reset token from math/rand stays a finding, even in a function that also waits.
func newResetToken() string {
	time.Sleep(10 * time.Millisecond)
// expect: insecure-random
	token := fmt.Sprintf("%x", rand.Int63())
	return token
}
