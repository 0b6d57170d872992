// bastion-fixture: cmd/api/main.go
package main

func setup(r *gin.Engine) {
// expect: cors-any-origin-with-credentials
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true}))
}
