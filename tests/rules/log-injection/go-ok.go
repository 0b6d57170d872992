// bastion-fixture: internal/http/health.go
// ok: log-injection
package http

import (
	"log"
	"log/slog"
	"net/http"
	"strconv"
)

func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil {
		http.Error(w, "bad page", http.StatusBadRequest)
		return
	}
	log.Printf("page %d requested", n)
	slog.Info("page requested", "user", r.Header.Get("X-User"))
	w.WriteHeader(http.StatusNoContent)
}
