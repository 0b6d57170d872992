package webhooks

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/rs/cors"
)

type Subscription struct {
	ID        string `json:"id"`
	TargetURL string `json:"target_url"`
	Event     string `json:"event"`
}

type Server struct {
	subs     map[string]Subscription
	client   *http.Client
	partners *http.Client
}

var allowedAvatarHosts = map[string]bool{
	"avatars.githubusercontent.com": true,
	"secure.gravatar.com":           true,
	"cdn.example-assets.net":        true,
}

func NewServer() *Server {
	return &Server{
		subs:   map[string]Subscription{},
		client: &http.Client{Timeout: 10 * time.Second},
		partners: &http.Client{
			Timeout: 15 * time.Second,
			Transport: &http.Transport{
				// partner staging boxes use self-signed certs
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // vuln: CWE-295
			},
		},
	}
}

func (s *Server) Router() http.Handler {
	r := chi.NewRouter()

	dashboard := cors.New(cors.Options{
		AllowedOrigins:   []string{"https://dashboard.example.com", "https://admin.example.com"}, // safe: CWE-942
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodDelete},
		AllowCredentials: true,
	})
	partnerAPI := cors.New(cors.Options{
		AllowOriginFunc:  func(origin string) bool { return true }, // vuln: CWE-942
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
	})

	r.With(dashboard.Handler).Post("/subscriptions/{id}/test", s.testDelivery)
	r.With(dashboard.Handler).Post("/profile/avatar/import", s.importAvatar)
	r.With(partnerAPI.Handler).Post("/partner/notify", s.notifyPartner)
	return r
}

func (s *Server) testDelivery(w http.ResponseWriter, r *http.Request) {
	var body struct {
		TargetURL string          `json:"target_url"`
		Payload   json.RawMessage `json:"payload"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, body.TargetURL, bytes.NewReader(body.Payload))
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req) // vuln: CWE-918
	if err != nil {
		http.Error(w, "delivery failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": chi.URLParam(r, "id"), "status": resp.StatusCode})
}

func checkAvatarURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "https" || !allowedAvatarHosts[u.Hostname()] || u.Port() != "" {
		return nil, errors.New("avatar host not allowed")
	}
	return u, nil
}

func (s *Server) importAvatar(w http.ResponseWriter, r *http.Request) {
	u, err := checkAvatarURL(r.FormValue("url"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := s.client.Get(u.String()) // safe: CWE-918
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) notifyPartner(w http.ResponseWriter, r *http.Request) {
	endpoint := "https://hooks.partner-staging.example.net/v1/events"
	resp, err := s.partners.Post(endpoint, "application/json", r.Body)
	if err != nil {
		http.Error(w, "partner unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
}
