// bastion-fixture: internal/api/partner.go
package api

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

type PartnerClaims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

func (a *API) requirePartner(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := c.Request().Header.Get("X-Partner-Token")
		claims := &PartnerClaims{}
// expect: jwt-verification-disabled
		if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
			return echo.ErrUnauthorized
		}
		if claims.Role != "partner" {
			return c.NoContent(http.StatusForbidden)
		}
		return next(c)
	}
}
