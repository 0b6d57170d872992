// bastion-fixture: internal/auth/keys.go
// ok: hardcoded-credentials
package auth

import (
	"database/sql"
	"os"
)

var jwtKey = []byte(os.Getenv("JWT_KEY"))

const tokenHeader = "X-Auth-Token"
const passwordEnv = "DB_PASSWORD"
const secretKeyName = "jwt.secret"
const idTokenPlaceholder = "{id_token}"
const refreshToken = "{refresh_token}"

func open() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://app@db:5432/app?sslmode=require")
}
