// bastion-fixture: internal/handlers/login.go
package handlers

import "net/http"

func setSession(w http.ResponseWriter, id string) {
// expect: cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, HttpOnly: true})
}
