// bastion-fixture: internal/api/routes.go
package api

import "github.com/gin-gonic/gin"

func RegisterRoutes(r *gin.Engine, h *Handlers) {
	v1 := r.Group("/api/v1")
	v1.GET("/projects/:id", h.GetProject)
	v1.GET("/projects/:id/members", h.ListMembers)
// expect: api-breaking-change
	v1.POST("/projects/:id/archive", h.ArchiveProject)
}
