// bastion-fixture: server/service/shop/publish.go
package shop

import (
	"bytes"
	"context"
	"net/http"
	"time"
)

// The handler's context is dropped: nothing bounds the call.
func Publish(_ context.Context, url string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
// expect: http-request-no-timeout
	return http.DefaultClient.Do(req)
}

// A timeout context made, but another request is sent.
func Mirror(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = ctx
	req, _ := http.NewRequest(http.MethodGet, url, nil)
// expect: http-request-no-timeout
	_, err := http.DefaultClient.Do(req)
	return err
}

func newClient(timeout time.Duration) *http.Client {
// expect: http-request-no-timeout
	client := &http.Client{}
	if timeout > 0 {
		return client
	}
	return client
}

// The incoming request's context ends only when that client goes away: no deadline.
func Relay(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, "https://api.example.com/v1", nil)
// expect: http-request-no-timeout
	resp, err := http.DefaultClient.Do(out)
	if err == nil {
		resp.Body.Close()
	}
}
