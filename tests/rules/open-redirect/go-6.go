// bastion-fixture: server/login.go
package server

import (
	"encoding/json"
	"net/http"
	"slices"
)

// The method hands the request's value back as the target: followed, it still is one.
func (s *Server) afterLogin(next string) string {
	if next == "" {
		return "/"
	}
	return next
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	// expect: open-redirect
	http.Redirect(w, r, s.afterLogin(r.FormValue("next")), http.StatusFound)
}

// A list the request itself sent is no allow-list.
func (s *Server) handleJump(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("to")
	if !contains(r.Form["allowed_urls"], target) {
		return
	}
	// expect: open-redirect
	http.Redirect(w, r, target, http.StatusFound)
}

type jumpRequest struct {
	Target      string   `json:"target"`
	AllowedURLs []string `json:"allowed_urls"`
}

// The list arrived in the same request body as the target.
func (s *Server) handleJumpJSON(w http.ResponseWriter, r *http.Request) {
	var body jumpRequest
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return
	}
	if !slices.Contains(body.AllowedURLs, body.Target) {
		return
	}
	// expect: open-redirect
	http.Redirect(w, r, body.Target, http.StatusFound)
}
