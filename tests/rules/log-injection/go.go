// bastion-fixture: internal/http/invoices.go
package http

import (
	"log"
	"net/http"
)

func (h *Handler) voidInvoice(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	reason := r.FormValue("reason")
	if err := h.Store.Void(r.Context(), id, reason); err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
// expect: log-injection
	log.Printf("invoice %s voided, reason: %s", id, reason)
	w.WriteHeader(http.StatusNoContent)
}
