// bastion-fixture: internal/api/keys.go
package api

import (
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

// The header is read unverified only to pick the key; the same function then verifies.
func authenticate(c *gin.Context) {
	raw := c.GetHeader("Authorization")
	claims := jwt.MapClaims{}
// ok: jwt-verification-disabled
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	if err != nil {
		c.AbortWithStatus(401)
		return
	}
	key := keys[unverified.Header["kid"].(string)]
	if _, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) { return key, nil }); err != nil {
		c.AbortWithStatus(401)
		return
	}
	c.Next()
}
