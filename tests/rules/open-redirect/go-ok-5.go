// bastion-fixture: cmd/portal/login.go
package main

import (
	"net/http"

	"golang.org/x/oauth2"
)

type app struct {
	oauth *oauth2.Config
}

// The scopes the form asks for only fill the query of the configured provider's URL.
func (a *app) login(w http.ResponseWriter, r *http.Request) {
	scopes := r.FormValue("extra_scopes")
	a.oauth.Scopes = append(a.oauth.Scopes, scopes)
	target := a.oauth.AuthCodeURL(r.FormValue("state"), oauth2.SetAuthURLParam("connector_id", r.FormValue("connector")))
// ok: open-redirect
	http.Redirect(w, r, target, http.StatusSeeOther)
}
