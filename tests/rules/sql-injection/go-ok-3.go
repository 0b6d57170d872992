// bastion-fixture: server/api/covers.go
// ok: sql-injection
package api

import "net/http"

func (api *Router) uploadCover(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("playlistId")
	if _, err := api.playlists.Get(r.Context(), id); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
