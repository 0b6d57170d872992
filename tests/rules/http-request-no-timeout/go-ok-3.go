// bastion-fixture: internal/httpgetter/client.go
// ok: http-request-no-timeout
package httpgetter

import (
	"net/http"
	"time"
)

var httpClient = newHTTPClient()

func newHTTPClient() *http.Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	return &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			return nil
		},
		Timeout: 5 * time.Second,
	}
}

func (g *Getter) Client() http.Client {
	return http.Client{Timeout: 10 * time.Second}
}
