// bastion-fixture: controllers/continue.go
package controllers

import (
	"fmt"
	"net/http"
)

func Continue(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// expect: open-redirect
	http.Redirect(w, r, fmt.Sprintf("%s?step=2", next), http.StatusFound)
}
