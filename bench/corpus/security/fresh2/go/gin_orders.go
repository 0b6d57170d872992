package orders

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

type Order struct {
	ID         int64   `json:"id"`
	CustomerID int64   `json:"customer_id"`
	Status     string  `json:"status"`
	Total      float64 `json:"total"`
}

type Handler struct {
	db *sql.DB
}

func NewHandler(db *sql.DB) *Handler { return &Handler{db: db} }

func (h *Handler) Register(r *gin.Engine) {
	g := r.Group("/api/orders")
	g.GET("", h.list)
	g.GET("/search", h.search)
	r.GET("/checkout/done", h.afterCheckout)
	r.GET("/login/continue", h.continueLogin)
}

var sortColumns = map[string]string{
	"created": "created_at",
	"total":   "total",
	"status":  "status",
}

func scanOrders(rows *sql.Rows) ([]Order, error) {
	defer rows.Close()
	out := make([]Order, 0, 16)
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.Status, &o.Total); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func (h *Handler) list(c *gin.Context) {
	col, ok := sortColumns[c.DefaultQuery("sort", "created")]
	if !ok {
		col = "created_at"
	}
	dir := "ASC"
	if strings.EqualFold(c.Query("dir"), "desc") {
		dir = "DESC"
	}
	q := fmt.Sprintf("SELECT id, customer_id, status, total FROM orders WHERE customer_id = $1 ORDER BY %s %s LIMIT 50", col, dir)
	rows, err := h.db.QueryContext(c, q, c.GetInt64("customerID")) // safe: CWE-89
	if err != nil {
		log.Printf("list orders: %v", err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not load orders"})
		return
	}
	orders, err := scanOrders(rows)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not load orders"})
		return
	}
	c.JSON(http.StatusOK, orders)
}

func (h *Handler) search(c *gin.Context) {
	status := c.Query("status")
	from := c.Query("from")
	where := "customer_id = " + strconv.FormatInt(c.GetInt64("customerID"), 10)
	if status != "" {
		where += " AND status = '" + status + "'"
	}
	if from != "" {
		where += fmt.Sprintf(" AND created_at >= '%s'", from)
	}
	rows, err := h.db.QueryContext(c, "SELECT id, customer_id, status, total FROM orders WHERE "+where+" ORDER BY created_at DESC") // vuln: CWE-89
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error(), "trace": string(debug.Stack())}) // vuln: CWE-209
		return
	}
	orders, err := scanOrders(rows)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not load orders"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": orders, "count": len(orders)})
}

// afterCheckout is hit by the payment provider's return link.
func (h *Handler) afterCheckout(c *gin.Context) {
	next := c.Query("next")
	if next == "" {
		next = "/orders"
	}
	c.Redirect(http.StatusFound, next) // vuln: CWE-601
}

func localTarget(raw string) string {
	if raw == "" || strings.Contains(raw, "\\") {
		return "/"
	}
	u, err := url.Parse(raw)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return u.RequestURI()
}

func (h *Handler) continueLogin(c *gin.Context) {
	target := localTarget(c.Query("return_to"))
	c.Redirect(http.StatusSeeOther, target) // safe: CWE-601
}
