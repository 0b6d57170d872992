// bastion-fixture: server/login.go
// bastion-changed: server_urls.repo.go
package server

import "net/http"

// The package's `afterLogin`, in another file of the change, hands the value back.
func (h *Handler) handleLogin(w http.ResponseWriter, r *http.Request) {
	// expect: open-redirect
	http.Redirect(w, r, h.afterLogin(r.FormValue("next")), http.StatusFound)
}
