// bastion-fixture: internal/http/router.go
// ok: cors-any-origin-with-credentials
package http

import (
	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

// gin-contrib/cors answers a literal `*` for every origin and never echoes the
// request's Origin; browsers refuse `*` on a credentialed response.
func routes(r *gin.Engine) {
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true}))
	r.Use(cors.New(cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}))
}
