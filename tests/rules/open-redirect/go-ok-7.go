// bastion-fixture: server/logout.go
// ok: open-redirect
package server

import (
	"net/http"
	"net/url"
	"slices"
)

// The target is refused unless it is one of the redirect URIs the client registered.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("post_logout_redirect_uri")
	client, err := s.store.Client(r.FormValue("client_id"))
	if err != nil || !slices.Contains(client.LogoutRedirectURIs, target) {
		http.Error(w, "unregistered redirect", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, target, http.StatusFound)
}

// A method of the server that builds its own path and puts the id, encoded, in the query.
func (s *Server) approvalURL(requestID string) string {
	u := url.URL{Path: "/auth/approval"}
	q := u.Query()
	q.Set("req", requestID)
	u.RawQuery = q.Encode()
	return u.String()
}

func (s *Server) handleCallback(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, s.approvalURL(r.FormValue("state")), http.StatusSeeOther)
}
