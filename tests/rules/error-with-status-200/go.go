// bastion-fixture: internal/api/users.go
package api

func Register(r *gin.Engine, h *Handlers) {
	r.GET("/users/:id", h.User)
}

func (h *Handlers) User(c *gin.Context) {
	user, err := h.users.Find(c.Param("id"))
	if err != nil {
// expect: error-with-status-200
		c.JSON(http.StatusOK, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, user)
}
