package orders

import (
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

type Handler struct {
	DB *sql.DB
}

type Order struct {
	ID       int64   `json:"id"`
	Customer string  `json:"customer"`
	Status   string  `json:"status"`
	Total    float64 `json:"total"`
}

var allowedReturnPaths = map[string]bool{
	"/orders":    true,
	"/dashboard": true,
	"/account":   true,
}

func (h *Handler) Register(r *gin.Engine) {
	r.GET("/orders", h.listOrders)
	r.GET("/orders/:id", h.getOrder)
	r.POST("/orders/:id/cancel", h.cancelOrder)
	r.GET("/orders/done", h.afterCheckout)
}

func buildFilter(customer, status string) string {
	var sb strings.Builder
	sb.WriteString("SELECT id, customer, status, total FROM orders WHERE customer = '")
	sb.WriteString(customer)
	sb.WriteString("'")
	if status != "" {
		sb.WriteString(" AND status = '" + status + "'")
	}
	return sb.String()
}

func (h *Handler) listOrders(c *gin.Context) {
	customer := c.Query("customer")
	status := c.DefaultQuery("status", "")
	query := buildFilter(customer, status)
	rows, err := h.DB.QueryContext(c.Request.Context(), query) // vuln: CWE-89
	if err != nil {
		c.String(http.StatusInternalServerError, "query failed: %v\n%s", err, debug.Stack()) // vuln: CWE-209
		return
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Customer, &o.Status, &o.Total); err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		out = append(out, o)
	}
	c.JSON(http.StatusOK, out)
}

func (h *Handler) getOrder(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad id"})
		return
	}
	var o Order
	row := h.DB.QueryRowContext(c.Request.Context(),
		"SELECT id, customer, status, total FROM orders WHERE id = $1", id) // safe: CWE-89
	if err := row.Scan(&o.ID, &o.Customer, &o.Status, &o.Total); err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
	c.JSON(http.StatusOK, o)
}

func (h *Handler) cancelOrder(c *gin.Context) {
	id := c.Param("id")
	if _, err := h.DB.ExecContext(c.Request.Context(), fmt.Sprintf("UPDATE orders SET status='cancelled' WHERE id=%s", id)); err != nil { // vuln: CWE-89
		c.JSON(http.StatusInternalServerError, gin.H{"error": "cancel failed"})
		return
	}
	next := c.PostForm("next")
	c.Redirect(http.StatusFound, next) // vuln: CWE-601
}

func (h *Handler) afterCheckout(c *gin.Context) {
	dest := "/orders"
	if u, err := url.Parse(c.Query("return")); err == nil && u.Scheme == "" && u.Host == "" && allowedReturnPaths[u.Path] {
		dest = u.Path
	}
	c.Redirect(http.StatusSeeOther, dest) // safe: CWE-601
}
