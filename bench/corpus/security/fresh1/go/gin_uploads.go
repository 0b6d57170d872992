package uploads

import (
	"archive/zip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

var allowedImageExt = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".webp": true}

type Service struct {
	Root string
}

func (s *Service) Register(r *gin.RouterGroup) {
	r.POST("/attachments", s.uploadAttachment)
	r.POST("/avatars", s.uploadAvatar)
	r.POST("/themes/import", s.importTheme)
	r.GET("/attachments/*name", s.downloadAttachment)
}

func (s *Service) projectDir(c *gin.Context) string {
	return filepath.Join(s.Root, "projects", c.GetString("projectID"))
}

func (s *Service) uploadAttachment(c *gin.Context) {
	file, err := c.FormFile("file")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "file is required"})
		return
	}
	dir := filepath.Join(s.projectDir(c), "attachments")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "storage unavailable"})
		return
	}
	folder := c.DefaultPostForm("folder", "general")
	dst := filepath.Join(dir, folder, file.Filename)
	os.MkdirAll(filepath.Dir(dst), 0o750)
	if err := c.SaveUploadedFile(file, dst); err != nil { // vuln: CWE-22
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not store file"})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"folder": folder, "name": file.Filename, "size": file.Size})
}

func (s *Service) uploadAvatar(c *gin.Context) {
	file, err := c.FormFile("avatar")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "avatar is required"})
		return
	}
	ext := strings.ToLower(filepath.Ext(file.Filename))
	if !allowedImageExt[ext] {
		c.JSON(http.StatusUnsupportedMediaType, gin.H{"error": "unsupported image type"})
		return
	}
	name := uuid.NewString() + ext
	if err := c.SaveUploadedFile(file, filepath.Join(s.Root, "avatars", name)); err != nil { // safe: CWE-22
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not store avatar"})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"url": "/static/avatars/" + name})
}

func (s *Service) importTheme(c *gin.Context) {
	header, err := c.FormFile("bundle")
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "bundle is required"})
		return
	}
	f, err := header.Open()
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "unreadable bundle"})
		return
	}
	defer f.Close()
	zr, err := zip.NewReader(f, header.Size)
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "not a zip archive"})
		return
	}
	themeDir := filepath.Join(s.projectDir(c), "theme")
	count := 0
	for _, entry := range zr.File {
		target := filepath.Join(themeDir, entry.Name)
		if entry.FileInfo().IsDir() {
			os.MkdirAll(target, 0o750)
			continue
		}
		rc, err := entry.Open()
		if err != nil {
			continue
		}
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644) // vuln: CWE-22
		if err == nil {
			io.Copy(out, io.LimitReader(rc, 10<<20))
			out.Close()
			count++
		}
		rc.Close()
	}
	// the preview renderer runs as a different user and writes its cache next to the theme
	os.Chmod(themeDir, 0o777) // vuln: CWE-732
	c.JSON(http.StatusOK, gin.H{"imported": count})
}

func (s *Service) downloadAttachment(c *gin.Context) {
	base := filepath.Join(s.projectDir(c), "attachments")
	target := filepath.Join(base, filepath.Clean("/"+c.Param("name")))
	if !strings.HasPrefix(target, base+string(os.PathSeparator)) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.FileAttachment(target, filepath.Base(target)) // safe: CWE-22
}
