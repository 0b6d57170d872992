// bastion-fixture: internal/http/middleware/cors.go
// The Origin is echoed only once the middleware's own predicate accepted it.
package middleware

import "net/http"

type Cors struct{ origins []string }

func (c *Cors) Handle(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if !c.originAllowed(origin) {
		return
	}
// ok: cors-any-origin-with-credentials
	w.Header().Set("Access-Control-Allow-Origin", origin)
	w.Header().Set("Access-Control-Allow-Credentials", "true")
}
