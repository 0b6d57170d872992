// bastion-fixture: internal/http/middleware/session.go
// ok: cookie-insecure
package middleware

import "net/http"

// A token that failed its check is cleared: the cookie written here is empty.
func ClearToken(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{
		Name:   "token",
		Value:  "",
		MaxAge: -1,
	})
}
