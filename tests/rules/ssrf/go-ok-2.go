// bastion-fixture: internal/images/proxy.go
// ok: ssrf
// The URL's host must be one of the listed image hosts before anything is fetched.
package images

import (
	"net/http"
	"net/url"
	"time"
)

var allowedImageHosts = map[string]bool{"images.example-cdn.com": true, "avatars.example.org": true}

type Proxy struct {
	client *http.Client
}

func NewProxy() *Proxy {
	return &Proxy{client: &http.Client{Timeout: 10 * time.Second}}
}

func (p *Proxy) Image(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("src"))
	if err != nil || u.Scheme != "https" || !allowedImageHosts[u.Hostname()] {
		http.Error(w, "image host not allowed", http.StatusBadRequest)
		return
	}
	resp, err := p.client.Get(u.String())
	if err != nil {
		http.Error(w, "upstream failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
}
