package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type ctxKey string

const userKey ctxKey = "user"

var signingKey = []byte("k9#Tq2!vX7pLm4$wR8zB1nY6") // vuln: CWE-798

type Claims struct {
	UserID string   `json:"uid"`
	Roles  []string `json:"roles"`
	jwt.RegisteredClaims
}

func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Bearer ") {
		return ""
	}
	return strings.TrimPrefix(h, "Bearer ")
}

// RequireUser protects the main API.
func RequireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims := &Claims{}
		tok, err := jwt.ParseWithClaims(bearer(r), claims, func(t *jwt.Token) (interface{}, error) { // safe: CWE-347
			if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
				return nil, errors.New("unexpected signing method")
			}
			return signingKey, nil
		}, jwt.WithExpirationRequired())
		if err != nil || !tok.Valid {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, claims)))
	})
}

// SupportImpersonation lets the support console act as a user; the console
// already validated the token upstream, so we only read the claims here.
func SupportImpersonation(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims := &Claims{}
		parser := jwt.NewParser()
		if _, _, err := parser.ParseUnverified(r.Header.Get("X-Support-Token"), claims); err != nil { // vuln: CWE-347
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, claims)))
	})
}

func newSessionID() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil { // safe: CWE-330
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

type LoginHandler struct {
	Verify func(ctx context.Context, email, password string) (string, error)
}

func (h *LoginHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	uid, err := h.Verify(r.Context(), r.PostForm.Get("email"), r.PostForm.Get("password"))
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	sid, err := newSessionID()
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	claims := Claims{
		UserID: uid,
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        sid,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(8 * time.Hour)),
		},
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: signed, Path: "/", Secure: true, SameSite: http.SameSiteLaxMode, MaxAge: 8 * 3600}) // vuln: CWE-1004
	http.Redirect(w, r, "/app", http.StatusSeeOther)
}
