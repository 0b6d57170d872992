package orders

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Order struct {
	ID         int64     `json:"id" gorm:"primaryKey"`
	CustomerID int64     `json:"customer_id"`
	Status     string    `json:"status"`
	Note       string    `json:"note"`
	Total      float64   `json:"total"`
	Discount   float64   `json:"discount"`
	Approved   bool      `json:"approved"`
	CreatedAt  time.Time `json:"created_at"`
}

type Handler struct {
	sqlDB *sql.DB
	db    *gorm.DB
}

func NewHandler(sqlDB *sql.DB, db *gorm.DB) *Handler { return &Handler{sqlDB: sqlDB, db: db} }

func (h *Handler) Register(r *gin.RouterGroup) {
	r.GET("/orders", h.list)
	r.GET("/orders/search", h.search)
	r.GET("/orders/:id", h.get)
	r.PATCH("/orders/:id", h.update)
	r.GET("/customers/:cid/orders", h.byCustomer)
}

var sortColumns = map[string]string{
	"created": "created_at",
	"total":   "total",
	"status":  "status",
}

func (h *Handler) list(c *gin.Context) {
	col, ok := sortColumns[c.DefaultQuery("sort", "created")]
	if !ok {
		col = sortColumns["created"]
	}
	dir := "asc"
	if strings.EqualFold(c.Query("dir"), "desc") {
		dir = "desc"
	}
	limit, err := strconv.Atoi(c.DefaultQuery("limit", "50"))
	if err != nil || limit <= 0 || limit > 200 {
		limit = 50
	}
	var orders []Order
	err = h.db.Order(col + " " + dir).Limit(limit).Find(&orders).Error // safe: CWE-89
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not load orders"})
		return
	}
	c.JSON(http.StatusOK, orders)
}

func (h *Handler) search(c *gin.Context) {
	status := c.DefaultQuery("status", "open")
	where := []string{"deleted_at IS NULL"}
	if status != "any" {
		where = append(where, fmt.Sprintf("status = '%s'", status))
	}
	if note := c.Query("q"); note != "" {
		where = append(where, "note ILIKE '%"+note+"%'")
	}
	query := "SELECT id, customer_id, status, total FROM orders WHERE " +
		strings.Join(where, " AND ") + " ORDER BY created_at DESC LIMIT 100"
	rows, err := h.sqlDB.QueryContext(c.Request.Context(), query) // vuln: CWE-89
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "search failed"})
		return
	}
	defer rows.Close()
	out := make([]Order, 0, 16)
	for rows.Next() {
		var s Order
		if rows.Scan(&s.ID, &s.CustomerID, &s.Status, &s.Total) == nil {
			out = append(out, s)
		}
	}
	c.JSON(http.StatusOK, out)
}

func (h *Handler) get(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid id"})
		return
	}
	var s Order
	row := h.sqlDB.QueryRowContext(c.Request.Context(), "SELECT id, customer_id, status, total FROM orders WHERE id = $1 AND deleted_at IS NULL", id) // safe: CWE-89
	if err := row.Scan(&s.ID, &s.CustomerID, &s.Status, &s.Total); errors.Is(err, sql.ErrNoRows) {
		c.JSON(http.StatusNotFound, gin.H{"error": "order not found"})
		return
	} else if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "lookup failed"})
		return
	}
	c.JSON(http.StatusOK, s)
}

func (h *Handler) byCustomer(c *gin.Context) {
	cid, err := strconv.ParseInt(c.Param("cid"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid customer id"})
		return
	}
	orderBy := c.DefaultQuery("order_by", "created_at desc")
	var orders []Order
	if err := h.db.Where("customer_id = ?", cid).Order(orderBy).Limit(200).Find(&orders).Error; err != nil { // vuln: CWE-89
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not load orders"})
		return
	}
	c.JSON(http.StatusOK, orders)
}

func (h *Handler) update(c *gin.Context) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid id"})
		return
	}
	var order Order
	if err := h.db.First(&order, id).Error; err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "order not found"})
		return
	}
	if err := c.ShouldBindJSON(&order); err != nil { // vuln: CWE-915
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid body"})
		return
	}
	order.ID = id
	if err := h.db.Save(&order).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not save order"})
		return
	}
	c.JSON(http.StatusOK, order)
}
