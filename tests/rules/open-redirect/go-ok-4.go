// bastion-fixture: middleware/login.go
// ok: open-redirect
package middleware

import (
	"fmt"
	"net/http"
	"net/url"
)

// The target is always our own page; the path asked for rides along as a query value.
func RequireLogin(handler http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-User") == "" {
			q := r.URL.Query()
			q.Set("next", r.URL.Path)
			http.Redirect(w, r, fmt.Sprintf("/login?%s", q.Encode()), http.StatusTemporaryRedirect)
			return
		}
		handler.ServeHTTP(w, r)
	}
}
