// bastion-fixture: internal/web/links.go
package web

import "net/http"

// A URL handed to a helper is still the request's URL, whatever the helper is called.
func LinkRedirect(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	url := app.core.GetNormalized(target)
// expect: open-redirect
	http.Redirect(w, r, url, http.StatusTemporaryRedirect)
}
