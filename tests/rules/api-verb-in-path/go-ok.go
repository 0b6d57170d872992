// bastion-fixture: internal/api/routes.go
// ok: api-verb-in-path
package api

func Register(r *gin.Engine, h *Handlers) {
	v1 := r.Group("/api/v1")
	v1.GET("/users/:id", h.User)
	v1.POST("/orders/:id/cancel", h.CancelOrder)
	http.HandleFunc("POST /invoices", h.Invoice)
	resp, err := client.Get("/getUser", nil)
	r.GET("/posts/delete/:id", func(c *gin.Context) { c.Redirect(302, "/") })
	_, _ = resp, err
}
