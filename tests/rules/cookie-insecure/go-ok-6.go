// bastion-fixture: internal/auth/login.go
// ok: cookie-insecure
package auth

import "net/http"

func setSession(w http.ResponseWriter, signed, csrf string) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: signed, Path: "/", Secure: true, HttpOnly: true})
	// The page's script reads the CSRF token cookie: HttpOnly is off by design.
	http.SetCookie(w, &http.Cookie{Name: "csrf_token", Value: csrf, Path: "/", Secure: true})
}
