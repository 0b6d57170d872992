// bastion-fixture: internal/api/routes.go
package api

func Register(r *gin.Engine, h *Handlers) {
	r.GET("/payment-methods", h.Methods)
	r.GET("/order-items", h.Items)
// expect: inconsistent-route-naming
	r.GET("/userProfiles", h.Profiles)
}
