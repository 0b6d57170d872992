// bastion-fixture: internal/handlers/reports.go
package handlers

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

func ReportFile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// Only a backslash is refused: `../` still climbs.
	if strings.ContainsAny(name, "\\") {
		http.Error(w, "bad name", http.StatusBadRequest)
		return
	}
// expect: path-traversal
	data, err := os.ReadFile(filepath.Join("/srv/reports", name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}
