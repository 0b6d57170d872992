// bastion-fixture: internal/web/login.go
package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// A framework context's `SetCookie` writes the response: the browser gets this token.
func login(c echo.Context, token string) error {
	// expect: cookie-insecure
	c.SetCookie(&http.Cookie{Name: "session_token", Value: token, HttpOnly: true})
	return c.NoContent(http.StatusNoContent)
}
