// bastion-fixture: internal/handlers/login.go
// ok: cookie-insecure
package handlers

import "net/http"

func setSession(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, HttpOnly: true, Secure: true})
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
}
