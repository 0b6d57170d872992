// bastion-fixture: internal/api/uploads.go
package api

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

// The file call's error checked in the `if` that makes it: the error is no path, so
// checking it withdraws nothing.
func upload(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		return
	}
	dst := filepath.Join("/srv/uploads", file.Filename)
// expect: path-traversal
	if err := c.SaveUploadedFile(file, dst); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "x"})
	}
}

func note(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
// expect: path-traversal
	if err := os.WriteFile(filepath.Join("/srv/notes", name), []byte("x"), 0o600); err != nil {
		http.Error(w, "x", http.StatusInternalServerError)
	}
}

func archive(c *gin.Context) {
	name := c.Query("name")
// expect: path-traversal
	out, _ := os.Create(filepath.Join("/srv/archive", name))
	defer out.Close()
// expect: path-traversal
	_ = os.Rename("/srv/tmp/upload", filepath.Join("/srv/archive", name))
// expect: path-traversal
	c.FileAttachment(filepath.Join("/srv/archive", name), "archive.zip")
}
