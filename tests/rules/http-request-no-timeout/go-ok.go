// bastion-fixture: internal/client/rates.go
// ok: http-request-no-timeout
package client

var c = &http.Client{Transport: tr, Timeout: 5 * time.Second}

func Rates(ctx context.Context) (*http.Response, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	return c.Do(req)
}
