// bastion-fixture: internal/preview/handlers.go
// Clients of the program's own, held in a package variable and a struct field: the URL
// from the body is fetched as given.
package preview

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

var fetchClient = &http.Client{Timeout: 5 * time.Second}

type Server struct {
	client *http.Client
}

type previewRequest struct {
	URL string `json:"url"`
}

func (s *Server) LinkPreview(w http.ResponseWriter, r *http.Request) {
	var req previewRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	target := strings.TrimSpace(req.URL)
	if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		target = "https://" + target
	}
// expect: ssrf
	resp, err := fetchClient.Get(target)
	if err != nil {
		http.Error(w, "could not fetch", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
}

func (s *Server) Avatar(w http.ResponseWriter, r *http.Request) {
// expect: ssrf
	resp, err := s.client.Get(r.FormValue("avatar_url"))
	if err != nil {
		http.Error(w, "could not fetch", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
}
