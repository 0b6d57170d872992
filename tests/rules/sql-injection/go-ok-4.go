// bastion-fixture: backend/app/rest/api/comments.go
// ok: sql-injection
package api

import "net/http"

type commentsHandler struct {
	dataService *service.DataStore // a key-value store: Get looks a comment up by its key
}

func (s *commentsHandler) commentByID(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	locator := store.Locator{SiteID: r.URL.Query().Get("site"), URL: r.URL.Query().Get("url")}
	comment, err := s.dataService.Get(locator, id, store.User{})
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	writeJSON(w, comment)
}
