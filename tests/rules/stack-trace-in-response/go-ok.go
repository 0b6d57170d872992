// bastion-fixture: internal/api/orders.go
// ok: stack-trace-in-response
package api

import (
	"log"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

func (h *Handler) list(c *gin.Context) {
	rows, err := h.store.List(c)
	if err != nil {
		log.Printf("list failed: %v\n%s", err, debug.Stack())
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal"})
		return
	}
	c.JSON(http.StatusOK, rows)
}
