// bastion-fixture: internal/api/tokens.go
// ok: get-handler-writes
package api

func Register(r *gin.Engine, h *Handlers) {
	r.DELETE("/tokens/:id", h.Revoke)
	r.GET("/tokens/:id", func(c *gin.Context) {
		h.tokenRepo.UpdateLastSeen(c.Param("id"))
		c.JSON(http.StatusOK, h.tokens.Get(c.Param("id")))
	})
}

func (h *Handlers) Revoke(c *gin.Context) {
	h.db.Delete(&Token{}, c.Param("id"))
}
