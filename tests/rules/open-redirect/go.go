// bastion-fixture: internal/web/subscribe.go
package web

import (
	"net/http"
	"strings"
)

// Comparing the value with another part of the same request proves nothing about it.
func Subscribed(w http.ResponseWriter, r *http.Request) {
	next := strings.TrimSpace(r.FormValue("next"))
	if next == r.FormValue("confirm_next") {
// expect: open-redirect
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	if next != "" {
// expect: open-redirect
		http.Redirect(w, r, next, http.StatusSeeOther)
	}
}
