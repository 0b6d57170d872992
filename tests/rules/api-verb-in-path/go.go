// bastion-fixture: internal/api/routes.go
package api

func Register(r *gin.Engine, h *Handlers) {
	v1 := r.Group("/api/v1")
// expect: api-verb-in-path
	v1.GET("/getUser/:id", h.User)
// expect: api-verb-in-path
	v1.POST("/orders/delete/:id", h.DeleteOrder)
// expect: api-verb-in-path
	http.HandleFunc("POST /createInvoice", h.Invoice)
}
