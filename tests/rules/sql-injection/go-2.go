// bastion-fixture: server/api/users.go
package api

import "net/http"

func (api *Router) userByName(w http.ResponseWriter, r *http.Request) {
	var u User
	name := r.URL.Query().Get("name")
// expect: sql-injection
	if err := api.db.Get(&u, "SELECT * FROM users WHERE name = '"+name+"'"); err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
