// bastion-fixture: internal/upstream/client.go
// ok: http-request-no-timeout
package upstream

import (
	"context"
	"net"
	"net/http"
	"strings"
	"time"
)

// The request carries a context that ends by itself: the deadline bounds the call.
func FetchStatus(parent context.Context, url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func Probe(parent context.Context, url string) error {
	probeCtx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if deadline, ok := parent.Deadline(); ok {
		probeCtx, cancel = context.WithDeadline(context.Background(), deadline)
		defer cancel()
	}
	req, _ := http.NewRequest(http.MethodHead, url, nil)
	req = req.WithContext(probeCtx)
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

// The deadline context is handed to a helper that builds the request on it.
func ExchangeToken(parent context.Context, form string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(parent, 30*time.Second)
	defer cancel()
	req, err := buildTokenRequest(ctx, form)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func buildTokenRequest(ctx context.Context, form string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form))
}

// A helper that takes the timeout from its caller and sets it when given.
func Send(ctx context.Context, url string, timeout time.Duration) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	client := &http.Client{}
	if timeout > 0 {
		client.Timeout = timeout
	}
	return client.Do(req)
}

// The daemon of this program on a unix socket, else on loopback: a local process, not a
// remote host.
const tokenURL = "https://auth.example.com/token"

func daemonClient(socket, port string) (*http.Client, string) {
	if socket != "" {
		return &http.Client{
			Transport: &http.Transport{
				DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
					return (&net.Dialer{}).DialContext(ctx, "unix", socket)
				},
			},
		}, "http://unix"
	}
	return &http.Client{}, "http://127.0.0.1:" + port
}
