// bastion-fixture: internal/web/links.go
// ok: open-redirect
package web

import "net/http"

// The path only names a stored link; the target is the URL saved with it.
func LinkRedirect(w http.ResponseWriter, r *http.Request) {
	linkUUID := r.PathValue("linkUUID")
	url, err := app.core.GetLinkURL(linkUUID)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	http.Redirect(w, r, url, http.StatusTemporaryRedirect)
}
