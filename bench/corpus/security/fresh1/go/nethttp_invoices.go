package invoices

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"
)

type Invoice struct {
	ID         int64     `json:"id"`
	Number     string    `json:"number"`
	Customer   string    `json:"customer"`
	TotalCents int64     `json:"total_cents"`
	Status     string    `json:"status"`
	IssuedAt   time.Time `json:"issued_at"`
}

type Handler struct {
	DB       *sql.DB
	Receipts *template.Template
}

func (h *Handler) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /invoices", h.list)
	mux.HandleFunc("GET /invoices/{id}", h.get)
	mux.HandleFunc("GET /invoices/{id}/receipt", h.receipt)
	mux.HandleFunc("POST /invoices/{id}/void", h.void)
}

func scanInvoices(rows *sql.Rows) ([]Invoice, error) {
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		var inv Invoice
		if err := rows.Scan(&inv.ID, &inv.Number, &inv.Customer, &inv.TotalCents, &inv.Status, &inv.IssuedAt); err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	conditions := []string{"deleted_at IS NULL"}
	if status := q.Get("status"); status != "" {
		conditions = append(conditions, fmt.Sprintf("status = '%s'", status))
	}
	if customer := q.Get("customer"); customer != "" {
		conditions = append(conditions, "customer ILIKE '%"+customer+"%'")
	}
	query := "SELECT id, number, customer, total_cents, status, issued_at FROM invoices WHERE " + strings.Join(conditions, " AND ") + " ORDER BY issued_at DESC LIMIT 100"
	rows, err := h.DB.QueryContext(r.Context(), query) // vuln: CWE-89
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	invoices, err := scanInvoices(rows)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(invoices)
}

func (h *Handler) get(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	row := h.DB.QueryRowContext(r.Context(), "SELECT id, number, customer, total_cents, status, issued_at FROM invoices WHERE id = $1 AND deleted_at IS NULL", id) // safe: CWE-89
	var inv Invoice
	if err := row.Scan(&inv.ID, &inv.Number, &inv.Customer, &inv.TotalCents, &inv.Status, &inv.IssuedAt); err != nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "<html><body><h1>Invoice not found</h1><p>No invoice with number %s.</p></body></html>", id) // vuln: CWE-79
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(inv)
}

func (h *Handler) receipt(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	var inv Invoice
	err = h.DB.QueryRowContext(r.Context(), "SELECT id, number, customer, total_cents, status, issued_at FROM invoices WHERE id = $1", id).
		Scan(&inv.ID, &inv.Number, &inv.Customer, &inv.TotalCents, &inv.Status, &inv.IssuedAt)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	data := map[string]any{"Invoice": inv, "Note": r.URL.Query().Get("note")}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := h.Receipts.ExecuteTemplate(w, "receipt.html", data); err != nil { // safe: CWE-79
		log.Printf("render receipt %d: %v", id, err)
	}
}

func (h *Handler) void(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	reason := r.FormValue("reason")
	operator := r.Header.Get("X-Operator")
	if _, err := h.DB.ExecContext(r.Context(), "UPDATE invoices SET status = 'void', void_reason = $1 WHERE id = $2", reason, id); err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
	log.Printf("invoice %s voided by %s, reason: %s", id, operator, reason) // vuln: CWE-117
	w.WriteHeader(http.StatusNoContent)
}
