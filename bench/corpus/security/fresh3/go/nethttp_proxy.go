package web

import (
	"crypto/tls"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

var allowedImageHosts = map[string]bool{
	"images.shopcdn.net":            true,
	"avatars.githubusercontent.com": true,
	"lh3.googleusercontent.com":     true,
}

var fetchClient = &http.Client{Timeout: 10 * time.Second}

// warehouseClient talks to the stock service in the old data centre.
var warehouseClient = &http.Client{
	Timeout: 15 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true, // vuln: CWE-295
		},
	},
}

type Server struct {
	mux          *http.ServeMux
	warehouseURL string
}

func NewServer(warehouseURL string) *Server {
	s := &Server{mux: http.NewServeMux(), warehouseURL: strings.TrimRight(warehouseURL, "/")}
	s.mux.HandleFunc("/img", s.imageProxy)
	s.mux.HandleFunc("/api/link-preview", s.linkPreview)
	s.mux.HandleFunc("/login/done", s.loginDone)
	s.mux.HandleFunc("/logout", s.logout)
	s.mux.HandleFunc("/api/stock", s.stock)
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) imageProxy(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("src"))
	if err != nil || u.Scheme != "https" || !allowedImageHosts[u.Hostname()] {
		http.Error(w, "image host not allowed", http.StatusBadRequest)
		return
	}
	resp, err := fetchClient.Get(u.String()) // safe: CWE-918
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	ct := resp.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "image/") {
		http.Error(w, "not an image", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=86400")
	io.Copy(w, io.LimitReader(resp.Body, 5<<20))
}

type previewRequest struct {
	URL string `json:"url"`
}

var titleRe = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

func (s *Server) linkPreview(w http.ResponseWriter, r *http.Request) {
	var req previewRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	target := strings.TrimSpace(req.URL)
	if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		target = "https://" + target
	}
	resp, err := fetchClient.Get(target) // vuln: CWE-918
	if err != nil {
		http.Error(w, "could not fetch link", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 256<<10))
	title := ""
	if m := titleRe.FindSubmatch(body); m != nil {
		title = strings.TrimSpace(string(m[1]))
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"url": target, "title": title})
}

func (s *Server) loginDone(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if next == "" {
		next = "/dashboard"
	}
	http.Redirect(w, r, next, http.StatusFound) // vuln: CWE-601
}

// localPath only lets through same-origin paths such as "/orders?page=2".
func localPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(u.Path, "//") || strings.HasPrefix(raw, "//") || strings.Contains(raw, `\`) {
		return "/"
	}
	return u.RequestURI()
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: true})
	http.Redirect(w, r, localPath(r.FormValue("return_to")), http.StatusSeeOther) // safe: CWE-601
}

func (s *Server) stock(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	if sku == "" {
		http.Error(w, "sku required", http.StatusBadRequest)
		return
	}
	resp, err := warehouseClient.Get(s.warehouseURL + "/v1/stock/" + url.PathEscape(sku))
	if err != nil {
		log.Printf("warehouse lookup failed: %v", err)
		http.Error(w, "warehouse unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}
