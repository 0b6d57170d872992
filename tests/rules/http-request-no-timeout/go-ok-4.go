// bastion-fixture: server/logout/backchannel.go
// ok: http-request-no-timeout
package logout

import (
	"context"
	"net/http"
	"strings"
	"time"
)

const backchannelTimeout = 5 * time.Second

// Every request carries a context with a deadline: the client needs no Timeout of its own.
func (h *Handler) notify(ctx context.Context, uri, body string) error {
	ctx, cancel := context.WithTimeout(ctx, backchannelTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, uri, strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := h.client().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (h *Handler) client() *http.Client {
	return &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
