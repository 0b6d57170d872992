// bastion-fixture: internal/auth/login.go
package auth

import "net/http"

func setSession(w http.ResponseWriter, signed string) {
// expect: cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: signed, Path: "/", Secure: true, SameSite: http.SameSiteLaxMode})
}
