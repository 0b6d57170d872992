// bastion-fixture: cmd/api/main.go
// ok: cors-any-origin-with-credentials
package main

var c = cors.Options{AllowedOrigins: []string{"https://app.example.com"}, AllowCredentials: true}
