// bastion-fixture: routers/controllers/preview.go
package controllers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type PreviewService struct {
	Path string `form:"path"`
}

func Preview(c *gin.Context) {
	var service PreviewService
	if err := c.ShouldBindQuery(&service); err != nil {
		return
	}
	// The service (code of the project, not in this change) decides the target for the
	// bound form: a signed URL of storage, or a page of the app.
	res := service.PreviewURL(c)
	// expect: open-redirect
	c.Redirect(http.StatusFound, res)
}

func Jump(c *gin.Context) {
	var form PreviewService
	if err := c.ShouldBindQuery(&form); err != nil {
		return
	}
	// expect: open-redirect
	c.Redirect(http.StatusFound, form.Path)
}
