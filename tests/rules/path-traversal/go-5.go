// bastion-fixture: internal/media/attachments.go
package media

import (
	"path/filepath"

	"github.com/labstack/echo/v4"
)

func (s *Service) attachment(c echo.Context) error {
	name := c.Param("name")
	p := filepath.Join(s.StorageDir, "attachments", name)
// expect: path-traversal
	return c.Attachment(p, name)
}
