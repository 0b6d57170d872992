// bastion-fixture: internal/auth/keys.go
package auth

import "database/sql"

// expect: hardcoded-credentials
var jwtKey = []byte("tickets-super-secret")

// expect: hardcoded-credentials
const dbPassword = "pr0d-Passw0rd-2024"

func open() (*sql.DB, error) {
// expect: hardcoded-credentials
	return sql.Open("postgres", "postgres://app:S3cretPass@db:5432/app")
}
