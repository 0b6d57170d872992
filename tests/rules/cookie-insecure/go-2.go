// bastion-fixture: internal/handlers/session.go
package handlers

import "net/http"

func startSession(w http.ResponseWriter, r *http.Request, id string) {
	// expect: cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session-token", Value: id, HttpOnly: true})
	r.AddCookie(&http.Cookie{Name: "session-token", Value: id})
}
