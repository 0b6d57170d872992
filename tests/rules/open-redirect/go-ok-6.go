// bastion-fixture: server/authorize.go
// ok: open-redirect
package server

import (
	"net/http"
	"net/url"
)

// The request's form only fills the query of the server's own path: an encoded query
// string escapes '/' and ':', so it cannot name another host.
func (s *Server) handleAuthorization(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		return
	}
	connURL := url.URL{
		RawQuery: r.Form.Encode(),
	}
	connURL.Path = "/auth/" + url.PathEscape(s.defaultConnector)
	http.Redirect(w, r, connURL.String(), http.StatusFound)
}
