// bastion-fixture: internal/api/reports.go
package api
// ok: path-traversal

import (
	"net/http"
	"os"
	"path/filepath"
)

const reportDir = "/srv/reports"

func DownloadReport(w http.ResponseWriter, r *http.Request) {
	// Base keeps only the last element: "../../etc/passwd" becomes "passwd".
	name := filepath.Base(r.URL.Query().Get("name"))
	data, err := os.ReadFile(filepath.Join(reportDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	_, _ = w.Write(data)
}
