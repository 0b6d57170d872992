// bastion-fixture: internal/web/session/cookies.go
package session

import "net/http"

// A session cookie kept for a week, sent over plain HTTP too.
func SetSession(w http.ResponseWriter, id string) {
// expect: cookie-insecure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: id, Path: "/", MaxAge: 604800})
}
