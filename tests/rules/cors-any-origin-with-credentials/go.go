// bastion-fixture: cmd/api/main.go
package main

import "github.com/gin-contrib/cors"

// An origin callback that accepts everything is echoed back as the allowed origin.
func setup(r *gin.Engine) {
// expect: cors-any-origin-with-credentials
	r.Use(cors.New(cors.Config{AllowOriginFunc: func(string) bool { return true }, AllowCredentials: true}))
}
