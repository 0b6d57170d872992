// bastion-fixture: internal/server/server.go
// Debug mode left on: Echo answers errors with their internal messages.
package server

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func NewServer() *echo.Echo {
	e := echo.New()
// expect: debug-errors-shown
	e.Debug = true
	e.Use(middleware.Recover())
	return e
}
