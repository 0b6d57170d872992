// bastion-fixture: internal/integration/bookmarks/client.go
// ok: cookie-insecure
package bookmarks

import (
	"net/http"
	"strings"
)

// The service's token goes out as a cookie on our own request to it: no browser is involved.
func (c *Client) Save(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, c.endpoint, strings.NewReader(url))
	if err != nil {
		return nil, err
	}
	req.AddCookie(&http.Cookie{Name: "service-token", Value: c.token})
	return c.http.Do(req)
}
