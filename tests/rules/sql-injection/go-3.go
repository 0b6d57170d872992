// bastion-fixture: internal/http/users.go
package httpapi

import "net/http"

func (h *handler) userByName(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	var u User
// expect: sql-injection
	err := h.db.Get(&u, "SELECT * FROM users WHERE name = '"+name+"'")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
