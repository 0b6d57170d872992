// bastion-fixture: internal/api/orders.go
package api

import (
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

func (h *Handler) list(c *gin.Context) {
	rows, err := h.store.List(c)
	if err != nil {
// expect: stack-trace-in-response
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error(), "trace": string(debug.Stack())})
		return
	}
	c.JSON(http.StatusOK, rows)
}
