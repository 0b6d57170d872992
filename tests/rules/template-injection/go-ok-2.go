// bastion-fixture: internal/auth/session.go
package auth
// ok: template-injection

import (
	"net/http"
	"net/url"

	"github.com/golang-jwt/jwt/v5"
)

var signingKey = []byte("from-config")

// Resume checks the bearer token and sends the user back to a path of this site.
// `url.Parse` and `jwt.Parse` read their text; neither compiles a template.
func Resume(w http.ResponseWriter, r *http.Request) {
	raw := r.Header.Get("Authorization")
	token, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return signingKey, nil })
	if err != nil || !token.Valid {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	next, err := url.Parse(r.URL.Query().Get("next"))
	if err != nil || next.Host != "" {
		next = &url.URL{Path: "/"}
	}
	http.Redirect(w, r, next.Path, http.StatusFound)
}
