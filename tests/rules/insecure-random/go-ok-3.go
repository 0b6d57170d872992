// bastion-fixture: storage/kubernetes/storage.go
// ok: insecure-random
package kubernetes

import (
	"context"
	"math/rand"
	"time"
)

// The retry's back-off is jittered; the function updating a token only retries.
func retryOnConflict(ctx context.Context, action func() error) error {
	policy := []int{10, 20, 100, 300, 600}
	attempts := 0
	getNextStep := func() time.Duration {
		step := policy[attempts]
		return time.Duration(step*5+rand.Intn(step)) * time.Microsecond
	}
	for {
		select {
		case <-time.After(getNextStep()):
			if err := action(); err == nil {
				return nil
			}
			attempts++
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (cli *client) UpdateRefreshToken(ctx context.Context, id string) error {
	return retryOnConflict(ctx, func() error { return cli.update(id) })
}
