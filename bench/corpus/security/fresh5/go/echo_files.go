package files

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

const uploadRoot = "/srv/app/uploads"

var sizePattern = regexp.MustCompile(`^[0-9]{2,4}x[0-9]{2,4}$`)

type FileService struct {
	root    string
	convert string
}

func NewFileService() *FileService {
	return &FileService{root: uploadRoot, convert: "/usr/bin/convert"}
}

func (s *FileService) Routes(e *echo.Echo) {
	g := e.Group("/files")
	g.GET("/raw", s.download)
	g.GET("/preview", s.preview)
	g.POST("/thumb", s.thumbnail)
	g.POST("/archive", s.archive)
	g.PUT("/:name", s.upload)
}

func (s *FileService) download(c echo.Context) error {
	name := c.QueryParam("name")
	full := filepath.Join(s.root, name)
	return c.File(full) // vuln: CWE-22
}

func (s *FileService) resolve(name string) (string, bool) {
	clean := filepath.Clean(filepath.Join(s.root, name))
	if !strings.HasPrefix(clean, s.root+string(os.PathSeparator)) {
		return "", false
	}
	return clean, true
}

func (s *FileService) preview(c echo.Context) error {
	p, ok := s.resolve(c.QueryParam("file"))
	if !ok {
		return c.NoContent(http.StatusBadRequest)
	}
	f, err := os.Open(p) // safe: CWE-22
	if err != nil {
		return c.NoContent(http.StatusNotFound)
	}
	defer f.Close()
	return c.Stream(http.StatusOK, "application/octet-stream", f)
}

func (s *FileService) thumbnail(c echo.Context) error {
	src, ok := s.resolve(filepath.Base(c.FormValue("file")))
	size := c.FormValue("size")
	if !ok || !sizePattern.MatchString(size) {
		return c.NoContent(http.StatusBadRequest)
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), 20*time.Second)
	defer cancel()
	out := src + ".thumb.png"
	cmd := exec.CommandContext(ctx, s.convert, src, "-resize", size, out) // safe: CWE-78
	if err := cmd.Run(); err != nil {
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.JSON(http.StatusOK, map[string]string{"thumb": filepath.Base(out)})
}

func (s *FileService) archive(c echo.Context) error {
	var req struct {
		Folder string `json:"folder"`
		Label  string `json:"label"`
	}
	if err := c.Bind(&req); err != nil {
		return err
	}
	script := "cd " + s.root + " && tar czf /tmp/" + req.Label + ".tgz " + req.Folder
	if err := exec.Command("/bin/sh", "-c", script).Run(); err != nil { // vuln: CWE-78
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.NoContent(http.StatusAccepted)
}

func (s *FileService) upload(c echo.Context) error {
	p, ok := s.resolve(filepath.Base(c.Param("name")))
	if !ok {
		return c.NoContent(http.StatusBadRequest)
	}
	data, err := io.ReadAll(io.LimitReader(c.Request().Body, 10<<20))
	if err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o777); err != nil { // vuln: CWE-732
		return c.NoContent(http.StatusInternalServerError)
	}
	return c.NoContent(http.StatusCreated)
}
