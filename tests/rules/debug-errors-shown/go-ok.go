// bastion-fixture: internal/server/server.go
// ok: debug-errors-shown
// Debug mode only when the environment says development.
package server

import (
	"os"

	"github.com/labstack/echo/v4"
)

type Config struct{ Debug bool }

func NewServer() *echo.Echo {
	e := echo.New()
	if os.Getenv("APP_ENV") == "development" {
		e.Debug = true
	}
	cfg := Config{}
	cfg.Debug = true
	return e
}
