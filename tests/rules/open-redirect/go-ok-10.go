// bastion-fixture: internal/web/ui.go
// The trailing-slash redirect of a fixed route goes to the path the router matched, on
// this host.
package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func Register(mux *chi.Mux) {
	mux.Get("/ui", func(w http.ResponseWriter, r *http.Request) {
// ok: open-redirect
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
	})
}
