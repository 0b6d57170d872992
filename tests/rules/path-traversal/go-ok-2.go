// bastion-fixture: internal/handlers/reports.go
// ok: path-traversal
package handlers

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

func ReportFile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// No parent step and no separator: the name stays a file of the folder.
	if strings.Contains(name, "..") || strings.ContainsAny(name, "/\\") {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(filepath.Join("/srv/reports", name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}
