package proxy

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

type Config struct {
	PartnerCAFile string
	AllowedHosts  []string
}

type Server struct {
	cfg       Config
	partner   *http.Client
	legacy    *http.Client
	allowlist map[string]struct{}
}

func New(cfg Config) (*Server, error) {
	pem, err := os.ReadFile(cfg.PartnerCAFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)

	s := &Server{cfg: cfg, allowlist: map[string]struct{}{}}
	for _, h := range cfg.AllowedHosts {
		s.allowlist[h] = struct{}{}
	}
	s.partner = &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, // safe: CWE-295
		},
	}
	s.legacy = &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // vuln: CWE-295
		},
	}
	return s, nil
}

func (s *Server) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/fetch", s.fetch)
	mux.HandleFunc("/partner/status", s.partnerStatus)
	mux.HandleFunc("/audit", s.audit)
	return mux
}

func (s *Server) fetch(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	resp, err := http.Get(target) // vuln: CWE-918
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/octet-stream")
	io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

func (s *Server) partnerStatus(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("endpoint"))
	if err != nil || u.Scheme != "https" {
		http.Error(w, "bad endpoint", http.StatusBadRequest)
		return
	}
	if _, ok := s.allowlist[u.Hostname()]; !ok {
		http.Error(w, "host not allowed", http.StatusForbidden)
		return
	}
	statusURL := url.URL{Scheme: "https", Host: u.Host, Path: "/status"}
	resp, err := s.partner.Get(statusURL.String()) // safe: CWE-918
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	var payload map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&payload); err != nil {
		http.Error(w, "bad upstream payload", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(payload)
}

func (s *Server) audit(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	actor := r.PostForm.Get("actor")
	action := r.PostForm.Get("action")
	log.Printf("audit event actor=%s action=%s", actor, action) // vuln: CWE-117
	resp, err := s.legacy.Post("https://audit.internal.example/v1/events", "application/x-www-form-urlencoded", strings.NewReader(r.PostForm.Encode()))
	if err == nil {
		resp.Body.Close()
	}
	w.WriteHeader(http.StatusNoContent)
}
