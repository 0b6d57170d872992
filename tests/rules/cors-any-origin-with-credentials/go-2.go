// bastion-fixture: internal/http/router.go
package http

import "github.com/rs/cors"

// rs/cors echoes the caller's Origin back when credentials are allowed with "*".
func handler() {
// expect: cors-any-origin-with-credentials
	_ = cors.New(cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true})
}
