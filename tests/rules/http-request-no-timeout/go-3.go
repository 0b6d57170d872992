// bastion-fixture: server/notify.go
package server

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// One request has a context with a deadline, the other none: the client still needs one.
func (s *Server) notify(ctx context.Context, uri, body string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, uri, strings.NewReader(body))
	plain, _ := http.NewRequest(http.MethodPost, uri, strings.NewReader(body))
// expect: http-request-no-timeout
	client := &http.Client{}
	if _, err := client.Do(plain); err != nil {
		return err
	}
	_, err := client.Do(req)
	return err
}
