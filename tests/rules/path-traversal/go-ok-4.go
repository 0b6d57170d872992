// bastion-fixture: web/api/plugin.go
// ok: path-traversal
package web

import (
	"net/http"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
)

const dataDir = "/var/lib/app/plugins"

func ServeLocal(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("filepath"), "/")
	if !filepath.IsLocal(name) {
		c.Status(http.StatusBadRequest)
		return
	}
	c.File(filepath.Join(dataDir, name))
}
