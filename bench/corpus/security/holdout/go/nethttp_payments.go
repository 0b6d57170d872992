package payments

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rc4"
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	mrand "math/rand"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"text/template"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"gorm.io/gorm"
)

var signingKey = []byte(os.Getenv("PAYMENTS_SIGNING_KEY")) // safe: CWE-798

type Payment struct {
	ID     int64
	Amount int64
	Status string
}

type Handlers struct {
	DB   *sql.DB
	Gorm *gorm.DB
}

func (h *Handlers) List(w http.ResponseWriter, r *http.Request) {
	merchant := r.URL.Query().Get("merchant")
	rows, err := h.DB.QueryContext(r.Context(), "SELECT id, amount FROM payments WHERE merchant = '"+merchant+"'") // vuln: CWE-89
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func (h *Handlers) ListSafe(w http.ResponseWriter, r *http.Request) {
	rows, err := h.DB.QueryContext(r.Context(), "SELECT id, amount FROM payments WHERE merchant = $1", r.URL.Query().Get("merchant")) // safe: CWE-89
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	defer rows.Close()
}

func (h *Handlers) Refund(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	h.Gorm.Exec("UPDATE payments SET status = 'refunded' WHERE id = " + id) // vuln: CWE-89
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) RefundSafe(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	h.Gorm.Exec("UPDATE payments SET status = 'refunded' WHERE id = ?", id) // safe: CWE-89
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) Search(w http.ResponseWriter, r *http.Request) {
	var ps []Payment
	h.Gorm.Where(fmt.Sprintf("status = '%s'", r.URL.Query().Get("status"))).Find(&ps) // vuln: CWE-89
	json.NewEncoder(w).Encode(ps)
}

func (h *Handlers) SearchSafe(w http.ResponseWriter, r *http.Request) {
	var ps []Payment
	h.Gorm.Where(&Payment{Status: r.URL.Query().Get("status")}).Find(&ps) // safe: CWE-89
	json.NewEncoder(w).Encode(ps)
}

func (h *Handlers) Receipt(w http.ResponseWriter, r *http.Request) {
	tmpl, err := template.New("receipt").Parse(r.FormValue("layout")) // vuln: CWE-1336
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	tmpl.Execute(w, map[string]string{"merchant": "acme"})
}

func (h *Handlers) Statement(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	http.ServeFile(w, r, "/srv/statements/"+name) // vuln: CWE-22
}

func (h *Handlers) Reconcile(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Minute)
	defer cancel()
	out, _ := exec.CommandContext(ctx, "bash", "-c", "reconcile --date "+r.FormValue("date")).Output() // vuln: CWE-78
	w.Write(out)
}

func (h *Handlers) Callback(w http.ResponseWriter, r *http.Request) {
	var body struct {
		NotifyURL string `json:"notify_url"`
	}
	json.NewDecoder(r.Body).Decode(&body)
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, body.NotifyURL, bytes.NewReader(nil))
	http.DefaultClient.Do(req) // vuln: CWE-918
	w.WriteHeader(http.StatusAccepted)
}

func (h *Handlers) Return(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Location", r.URL.Query().Get("return_url")) // vuln: CWE-601
	w.WriteHeader(http.StatusFound)
}

func (h *Handlers) Error(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	w.Write([]byte("<p>Payment failed: " + r.URL.Query().Get("reason") + "</p>")) // vuln: CWE-79
}

func (h *Handlers) ErrorSafe(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"reason": r.URL.Query().Get("reason")}) // safe: CWE-79
}

func (h *Handlers) ImportSettlement(w http.ResponseWriter, r *http.Request) {
	var s struct{ Total int64 }
	xml.NewDecoder(r.Body).Decode(&s) // safe: CWE-611
	log.Printf("settlement imported by %s", r.Header.Get("X-Merchant")) // vuln: CWE-117
}

func (h *Handlers) Verify(w http.ResponseWriter, r *http.Request) {
	raw := r.Header.Get("Authorization")
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return signingKey, nil }) // safe: CWE-347
	if err != nil || !tok.Valid {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

func (h *Handlers) VerifyNone(w http.ResponseWriter, r *http.Request) {
	raw := r.Header.Get("Authorization")
	jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return jwt.UnsafeAllowNoneSignatureType, nil }) // vuln: CWE-347
}

func paymentReference() string {
	return fmt.Sprintf("PAY-%d", mrand.Intn(1_000_000_000)) // vuln: CWE-330
}

func paymentReferenceSafe() string {
	b := make([]byte, 16)
	rand.Read(b) // safe: CWE-330
	return fmt.Sprintf("PAY-%x", b)
}

func obfuscateCard(key, pan []byte) []byte {
	c, _ := rc4.NewCipher(key) // vuln: CWE-327
	out := make([]byte, len(pan))
	c.XORKeyStream(out, pan)
	return out
}

func acquirerClient() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: os.Getenv("ENV") == "dev"}}} // vuln: CWE-295
}

func tempReceipt() (*os.File, error) {
	return os.Create("/tmp/receipt.pdf") // vuln: CWE-377
}

func tempReceiptSafe() (*os.File, error) {
	return os.CreateTemp("", "receipt-*.pdf") // safe: CWE-377
}
