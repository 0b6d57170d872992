package media

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

type MediaService struct {
	StorageDir string
	ExportDir  string
}

var safeName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}\.(png|jpe?g|gif|webp)$`)

func (s *MediaService) Routes(e *echo.Echo) {
	e.GET("/media/attachments/:name", s.attachment)
	e.GET("/media/public/*", s.publicFile)
	e.POST("/media/upload", s.upload)
	e.POST("/media/:name/thumbnail", s.thumbnail)
	e.POST("/media/:name/convert", s.convert)
}

func (s *MediaService) attachment(c echo.Context) error {
	name := c.Param("name")
	p := filepath.Join(s.StorageDir, "attachments", name)
	return c.Attachment(p, name) // vuln: CWE-22
}

func (s *MediaService) publicFile(c echo.Context) error {
	base, err := filepath.Abs(filepath.Join(s.StorageDir, "public"))
	if err != nil {
		return echo.ErrInternalServerError
	}
	full, err := filepath.Abs(filepath.Join(base, c.Param("*")))
	if err != nil || !strings.HasPrefix(full, base+string(os.PathSeparator)) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return c.File(full) // safe: CWE-22
}

func (s *MediaService) upload(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "missing file")
	}
	if !safeName.MatchString(fh.Filename) {
		return echo.NewHTTPError(http.StatusBadRequest, "unsupported file name")
	}
	src, err := fh.Open()
	if err != nil {
		return err
	}
	defer src.Close()
	data, err := io.ReadAll(io.LimitReader(src, 10<<20))
	if err != nil {
		return err
	}
	dst := filepath.Join(s.StorageDir, "public", fh.Filename)
	if err := os.WriteFile(dst, data, 0o666); err != nil { // vuln: CWE-732
		return err
	}
	return c.JSON(http.StatusCreated, map[string]string{"name": fh.Filename})
}

func (s *MediaService) thumbnail(c echo.Context) error {
	name := c.Param("name")
	if !safeName.MatchString(name) {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	width, err := strconv.Atoi(c.QueryParam("w"))
	if err != nil || width < 16 || width > 1024 {
		width = 256
	}
	in := filepath.Join(s.StorageDir, "public", name)
	out := filepath.Join(s.StorageDir, "thumbs", name)
	cmd := exec.Command("convert", in, "-thumbnail", strconv.Itoa(width)+"x", out) // safe: CWE-78
	if output, err := cmd.CombinedOutput(); err != nil {
		c.Logger().Errorf("thumbnail %s: %v: %s", name, err, output)
		return echo.ErrInternalServerError
	}
	return c.NoContent(http.StatusNoContent)
}

type convertRequest struct {
	Format  string `json:"format"`
	Quality string `json:"quality"`
}

func (s *MediaService) convert(c echo.Context) error {
	var req convertRequest
	if err := c.Bind(&req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	name := c.Param("name")
	out := strings.TrimSuffix(name, filepath.Ext(name)) + "." + req.Format
	script := fmt.Sprintf("cd %s && convert public/%s -quality %s ../exports/%s", s.StorageDir, name, req.Quality, out)
	if err := exec.Command("/bin/sh", "-c", script).Run(); err != nil { // vuln: CWE-78
		return echo.ErrInternalServerError
	}
	return c.JSON(http.StatusOK, map[string]string{"file": out})
}
