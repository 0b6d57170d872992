package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
)

var signingKey = []byte("k9#Qm2!vX7pL0zR4tW8yB1nC6dF3hJ5s") // vuln: CWE-798

type Claims struct {
	UserID int64  `json:"uid"`
	Role   string `json:"role"`
	jwt.RegisteredClaims
}

type UserStore interface {
	ByEmail(ctx context.Context, email string) (id int64, role string, hash []byte, err error)
	SaveSession(ctx context.Context, sid string, userID int64, expires time.Time) error
}

type Service struct {
	users   UserStore
	reindex func(ctx context.Context) error
}

func (s *Service) Routes() http.Handler {
	r := chi.NewRouter()
	r.Post("/login", s.login)
	r.With(s.requireUser).Get("/me", s.me)
	r.With(s.serviceOnly).Post("/internal/reindex", s.runReindex)
	return r
}

func newSessionID() (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil { // safe: CWE-330
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

func (s *Service) login(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	id, role, hash, err := s.users.ByEmail(r.Context(), strings.ToLower(strings.TrimSpace(req.Email)))
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(req.Password)) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	expires := time.Now().Add(12 * time.Hour)
	sid, err := newSessionID()
	if err == nil {
		err = s.users.SaveSession(r.Context(), sid, id, expires)
	}
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "sid",
		Value:    sid,
		Path:     "/",
		Expires:  expires,
		HttpOnly: true, // safe: CWE-1004
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})

	claims := Claims{UserID: id, Role: role, RegisteredClaims: jwt.RegisteredClaims{
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(15 * time.Minute)),
	}}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "access_token",
		Value:    signed,
		Path:     "/api",
		MaxAge:   900,
		HttpOnly: true,
		Secure:   false, // vuln: CWE-614
		SameSite: http.SameSiteLaxMode,
	})
	w.WriteHeader(http.StatusNoContent)
}

type claimsKey struct{}

func bearer(r *http.Request) string {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer ")
	}
	if c, err := r.Cookie("access_token"); err == nil {
		return c.Value
	}
	return ""
}

func (s *Service) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims := &Claims{}
		_, err := jwt.ParseWithClaims(bearer(r), claims, func(t *jwt.Token) (interface{}, error) { return signingKey, nil }, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()) // safe: CWE-347
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey{}, claims)))
	})
}

func (s *Service) serviceOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims := &Claims{}
		if _, _, err := jwt.NewParser().ParseUnverified(bearer(r), claims); err != nil { // vuln: CWE-347
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if claims.Role != "service" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Service) me(w http.ResponseWriter, r *http.Request) {
	claims := r.Context().Value(claimsKey{}).(*Claims)
	json.NewEncoder(w).Encode(map[string]interface{}{"id": claims.UserID, "role": claims.Role})
}

func (s *Service) runReindex(w http.ResponseWriter, r *http.Request) {
	if err := s.reindex(r.Context()); err != nil {
		http.Error(w, "reindex failed", http.StatusInternalServerError)
	}
}
