// bastion-fixture: internal/api/items.go
// `cmp.Or` gives the query parameter a default: no database is called.
package api

import (
	"cmp"
	"net/http"
)

func ListItems(w http.ResponseWriter, r *http.Request) {
// ok: sql-injection
	sort := cmp.Or(r.URL.Query().Get("sort"), "name")
	order := cmp.Or(r.URL.Query().Get("order"), "asc")
	writeJSON(w, listItems(sort, order))
}
