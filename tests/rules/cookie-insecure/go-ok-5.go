// bastion-fixture: internal/web/session/cookies.go
// ok: cookie-insecure
package session

import "net/http"

// Deleting the CSRF cookie: a negative MaxAge makes the browser drop it at once.
func DeleteCsrfCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "_csrf", Path: "/", MaxAge: -1})
}
