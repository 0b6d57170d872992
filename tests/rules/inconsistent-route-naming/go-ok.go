// bastion-fixture: internal/api/routes.go
// ok: inconsistent-route-naming
package api

func Register(r *gin.Engine, h *Handlers) {
	r.GET("/payment-methods", h.Methods)
	r.GET("/order-items/:itemId", h.Items)
	r.GET("/user-profiles", h.Profiles)
}
