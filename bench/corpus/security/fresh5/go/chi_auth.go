package auth

import (
	"crypto/md5"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
)

var signingKey = []byte("s3cr3t-jwt-key-2024-prod") // vuln: CWE-798

type AuthHandler struct {
	db *sql.DB
}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func NewRouter(db *sql.DB) http.Handler {
	h := &AuthHandler{db: db}
	r := chi.NewRouter()
	r.Post("/register", h.register)
	r.Post("/legacy/login", h.legacyLogin)
	r.Get("/me", h.me)
	r.Get("/profile", h.profile)
	return r
}

func newSessionID() (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil { // safe: CWE-330
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(buf), nil
}

func (h *AuthHandler) register(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(c.Password), bcrypt.DefaultCost) // safe: CWE-328
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	_, err = h.db.ExecContext(r.Context(), "INSERT INTO users(email, password_hash) VALUES ($1, $2)", c.Email, string(hash))
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (h *AuthHandler) legacyLogin(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	sum := md5.Sum([]byte(c.Password)) // vuln: CWE-328
	var id int64
	err := h.db.QueryRowContext(r.Context(), "SELECT id FROM legacy_users WHERE email = $1 AND pw = $2", c.Email, hex.EncodeToString(sum[:])).Scan(&id)
	if err != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	sid, err := newSessionID()
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Path: "/", HttpOnly: true, Secure: true, Expires: time.Now().Add(12 * time.Hour)})
	w.WriteHeader(http.StatusNoContent)
}

func bearer(r *http.Request) (string, error) {
	v := r.Header.Get("Authorization")
	if !strings.HasPrefix(v, "Bearer ") {
		return "", errors.New("missing token")
	}
	return strings.TrimPrefix(v, "Bearer "), nil
}

func (h *AuthHandler) me(w http.ResponseWriter, r *http.Request) {
	raw, err := bearer(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) { // safe: CWE-347
		return signingKey, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"sub": claims["sub"]})
}

func (h *AuthHandler) profile(w http.ResponseWriter, r *http.Request) {
	raw, err := bearer(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // vuln: CWE-347
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var email string
	h.db.QueryRowContext(r.Context(), "SELECT email FROM users WHERE id = $1", claims["sub"]).Scan(&email)
	json.NewEncoder(w).Encode(map[string]string{"email": email})
}
