package api

import "github.com/gin-gonic/gin"

func RegisterRoutes(r *gin.Engine, h *Handlers) {
	v1 := r.Group("/api/v1")
	v1.GET("/projects/:id", h.GetProject)
	v1.GET("/projects/:id/members", h.ListMembers)
	v1.DELETE("/projects/:id", h.DeleteProject)
}
