// bastion-fixture: api/session/session.go
// ok: sql-injection
// gorm-gen's typed conditions bind the value: the generated code writes the SQL.
package session

import "github.com/gin-gonic/gin"

func GetSession(c *gin.Context) {
	path := c.Query("path")
	g := query.Session
	s, _ := g.Where(g.Path.Eq(path), g.Name.Like(c.Query("name"))).First()
	c.JSON(200, s)
}
