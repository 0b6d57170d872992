package accounts

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"log"
	"math/rand"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type Handler struct {
	DB *sql.DB
}

type Account struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Plan      string    `json:"plan"`
	CreatedAt time.Time `json:"created_at"`
}

func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("/accounts", h.listAccounts)
	mux.HandleFunc("/accounts/get", h.getAccount)
	mux.HandleFunc("/login", h.login)
	mux.HandleFunc("/welcome", h.welcome)
	mux.HandleFunc("/greeting", h.greeting)
}

func (h *Handler) listAccounts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	plan := q.Get("plan")
	sortCol := q.Get("sort")
	if sortCol == "" {
		sortCol = "created_at"
	}
	var where []string
	if plan != "" {
		where = append(where, "plan = '"+plan+"'")
	}
	query := "SELECT id, email, plan, created_at FROM accounts"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query = fmt.Sprintf("%s ORDER BY %s LIMIT 100", query, sortCol)
	rows, err := h.DB.QueryContext(r.Context(), query) // vuln: CWE-89
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		var a Account
		if err := rows.Scan(&a.ID, &a.Email, &a.Plan, &a.CreatedAt); err == nil {
			out = append(out, a)
		}
	}
	json.NewEncoder(w).Encode(out)
}

func (h *Handler) getAccount(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	var a Account
	row := h.DB.QueryRowContext(r.Context(), "SELECT id, email, plan, created_at FROM accounts WHERE id = $1", id) // safe: CWE-89
	if err := row.Scan(&a.ID, &a.Email, &a.Plan, &a.CreatedAt); err != nil {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(a)
}

func (h *Handler) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	username := r.PostForm.Get("username")
	password := r.PostForm.Get("password")
	var accountID int64
	err := h.DB.QueryRowContext(r.Context(), "SELECT id FROM accounts WHERE email = $1 AND password_hash = crypt($2, password_hash)", username, password).Scan(&accountID)
	if err != nil {
		log.Printf("login failed for user=%s from=%s", username, r.RemoteAddr) // vuln: CWE-117
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	sessionID := strconv.FormatInt(rand.Int63(), 16) + strconv.FormatInt(time.Now().UnixNano(), 16) // vuln: CWE-330
	h.DB.ExecContext(r.Context(), "INSERT INTO sessions (id, account_id) VALUES ($1, $2)", sessionID, accountID)
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sessionID, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}) // safe: CWE-614
	http.Redirect(w, r, "/welcome", http.StatusSeeOther)
}

func (h *Handler) welcome(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<html><body><h2>Welcome back, %s!</h2></body></html>", name) // vuln: CWE-79
}

func (h *Handler) greeting(w http.ResponseWriter, r *http.Request) {
	name := html.EscapeString(r.URL.Query().Get("name"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<div class=\"greeting\">Hello, %s</div>", name) // safe: CWE-79
}
