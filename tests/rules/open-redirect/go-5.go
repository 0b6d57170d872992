// bastion-fixture: server/continue.go
package server

import (
	"net/http"
	"net/url"
)

// A whole URL from the form is still an open redirect, wherever the query comes from.
func (s *Server) handleContinue(w http.ResponseWriter, r *http.Request) {
	target, err := url.Parse(r.FormValue("next"))
	if err != nil {
		return
	}
	target.RawQuery = r.Form.Encode()
// expect: open-redirect
	http.Redirect(w, r, target.String(), http.StatusFound)
}
