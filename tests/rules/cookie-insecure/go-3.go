// bastion-fixture: internal/http/middleware/login.go
package middleware

import "net/http"

// The session token itself, with neither Secure nor HttpOnly.
func SetToken(w http.ResponseWriter, token string) {
// expect: cookie-insecure
	http.SetCookie(w, &http.Cookie{
		Name:  "token",
		Value: token,
		Path:  "/",
	})
}
