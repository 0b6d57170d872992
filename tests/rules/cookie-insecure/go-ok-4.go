// bastion-fixture: drivers/netdisk/client.go
// ok: cookie-insecure
package netdisk

import (
	"net/http"

	"github.com/go-resty/resty/v2"
)

// The storage provider's API expects its user token as a cookie: it is put on the
// outgoing client that calls the provider, never sent to a browser.
func (d *Netdisk) newClient() *resty.Client {
	client := resty.New()
	client.SetCookie(&http.Cookie{Name: "USER_TOKEN", Value: d.UserToken, Path: "/"})
	return client
}

func (d *Netdisk) fetch(path string) (*resty.Response, error) {
	return d.client.R().SetCookie(&http.Cookie{Name: "session", Value: d.Session}).Get(path)
}
