package inventory

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"log"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
)

const dataDir = "/var/lib/inventory"

type Server struct {
	DB *sql.DB
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	rows, err := s.DB.Query("SELECT id, name FROM items WHERE sku = '" + sku + "'") // vuln: CWE-89
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func (s *Server) handleSearchSafe(w http.ResponseWriter, r *http.Request) {
	sku := r.URL.Query().Get("sku")
	rows, err := s.DB.Query("SELECT id, name FROM items WHERE sku = $1", sku) // safe: CWE-89
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request) {
	warehouse := r.FormValue("warehouse")
	query := fmt.Sprintf("DELETE FROM items WHERE warehouse = '%s'", warehouse)
	if _, err := s.DB.Exec(query); err != nil { // vuln: CWE-89
		http.Error(w, "failed", http.StatusInternalServerError)
	}
}

func (s *Server) handleLimit(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		limit = 50
	}
	rows, _ := s.DB.Query(fmt.Sprintf("SELECT id FROM items LIMIT %d", limit)) // safe: CWE-89
	defer rows.Close()
}

func handleLabel(w http.ResponseWriter, r *http.Request) {
	printer := r.URL.Query().Get("printer")
	out, err := exec.Command("sh", "-c", "lpr -P "+printer+" /tmp/label.pdf").CombinedOutput() // vuln: CWE-78
	if err != nil {
		http.Error(w, string(out), http.StatusInternalServerError)
	}
}

func handleLabelSafe(w http.ResponseWriter, r *http.Request) {
	printer := r.URL.Query().Get("printer")
	out, err := exec.Command("lpr", "-P", printer, "/tmp/label.pdf").CombinedOutput() // safe: CWE-78
	if err != nil {
		http.Error(w, string(out), http.StatusInternalServerError)
	}
}

func handleManifest(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	data, err := os.ReadFile(filepath.Join(dataDir, name)) // vuln: CWE-22
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func handleManifestSafe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Clean("/" + r.URL.Query().Get("name"))
	full := filepath.Join(dataDir, name)
	if !strings.HasPrefix(full, dataDir+string(os.PathSeparator)) {
		http.NotFound(w, r)
		return
	}
	data, _ := os.ReadFile(full) // safe: CWE-22
	w.Write(data)
}

func handleProxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	resp, err := http.Get(target) // vuln: CWE-918
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func handleReturn(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.URL.Query().Get("return"), http.StatusFound) // vuln: CWE-601
}

func handleReturnSafe(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/inventory", http.StatusFound) // safe: CWE-601
}

func handleHello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name) // vuln: CWE-79
}

func handleHelloSafe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(name)) // safe: CWE-79
}

func handleReport(w http.ResponseWriter, r *http.Request) {
	tmpl := template.Must(template.New("r").Parse("<p>{{.}}</p>"))
	tmpl.Execute(w, r.URL.Query().Get("note")) // vuln: CWE-79
}

func handleAudit(w http.ResponseWriter, r *http.Request) {
	log.Printf("audit: user=%s action=%s", r.Header.Get("X-User"), r.FormValue("action")) // vuln: CWE-117
}

func handleDownloadName(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Disposition", "attachment; filename="+r.URL.Query().Get("file")) // vuln: CWE-113
}

func legacyHash(password string) string {
	sum := md5.Sum([]byte(password)) // vuln: CWE-328
	return hex.EncodeToString(sum[:])
}

func contentHash(b []byte) string {
	sum := sha256.Sum256(b) // safe: CWE-328
	return hex.EncodeToString(sum[:])
}

func sessionID() string {
	return strconv.FormatInt(rand.Int63(), 36) // vuln: CWE-330
}

var insecureClient = &http.Client{
	Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, // vuln: CWE-295
}

var strictClient = &http.Client{
	Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}, // safe: CWE-295
}

func writeCache(b []byte) error {
	return os.WriteFile(filepath.Join(dataDir, "cache.json"), b, 0o777) // vuln: CWE-732
}

func writeCacheSafe(b []byte) error {
	return os.WriteFile(filepath.Join(dataDir, "cache.json"), b, 0o600) // safe: CWE-732
}
