// bastion-fixture: internal/api/tokens.go
package api

func Register(r *gin.Engine, h *Handlers) {
	r.GET("/tokens/:id/revoke", h.Revoke)
}

func (h *Handlers) Revoke(c *gin.Context) {
// expect: get-handler-writes
	h.db.Delete(&Token{}, c.Param("id"))
	c.JSON(http.StatusOK, gin.H{"ok": true})
}
