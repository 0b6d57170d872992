// bastion-fixture: internal/web/subscribe.go
// ok: open-redirect
package web

import (
	"net/http"
	"strings"
)

type Server struct {
	TrustedReturnURLs []string
}

// After subscribing, the visitor goes back to `next` only when it is one of the
// addresses the operator configured; any other value falls through to our own page.
func (s *Server) Subscribed(w http.ResponseWriter, r *http.Request) {
	if next := strings.TrimSpace(r.FormValue("next")); next != "" {
		for _, allowed := range s.TrustedReturnURLs {
			if allowed != "*" && next == allowed {
				http.Redirect(w, r, next, http.StatusSeeOther)
				return
			}
		}
	}
	http.Redirect(w, r, "/subscribed", http.StatusSeeOther)
}
