// bastion-fixture: server/callback.go
// bastion-changed: server_urls.repo.go
// ok: open-redirect
package server

import "net/http"

// `continueURL` is a method of the package, defined in another file of the change: it
// builds the server's own path and puts the request's id, encoded, in the query.
func (h *Handler) handleCallback(w http.ResponseWriter, r *http.Request) {
	state := r.FormValue("state")
	http.Redirect(w, r, h.continueURL(state), http.StatusSeeOther)
}
