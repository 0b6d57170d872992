// bastion-fixture: internal/api/reports.go
package api

import (
	"net/http"
	"os"
	"path/filepath"
)

const reportDir = "/srv/reports"

func DownloadReport(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
// expect: path-traversal
	data, err := os.ReadFile(filepath.Join(reportDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	_, _ = w.Write(data)
}
