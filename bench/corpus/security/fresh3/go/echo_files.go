package files

import (
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

type ReportSource interface {
	Rows(id int64) ([][]string, error)
}

type Store struct {
	root    string
	reports ReportSource
}

func NewStore(root string, reports ReportSource) (*Store, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	return &Store{root: filepath.Clean(abs), reports: reports}, nil
}

func (s *Store) Routes(e *echo.Echo) {
	g := e.Group("/files")
	g.GET("/download", s.download)
	g.GET("/preview", s.preview)
	g.POST("/upload", s.upload)
	g.POST("/:id/thumbnail", s.thumbnail)
	e.GET("/exports/:report", s.export)
}

func (s *Store) download(c echo.Context) error {
	name := c.QueryParam("file")
	if name == "" {
		return echo.NewHTTPError(http.StatusBadRequest, "file is required")
	}
	full := filepath.Join(s.root, "shared", name)
	return c.Attachment(full, filepath.Base(name)) // vuln: CWE-22
}

// resolve maps a user supplied relative path onto the storage root.
func (s *Store) resolve(rel string) (string, error) {
	full := filepath.Join(s.root, filepath.Clean("/"+rel))
	if !strings.HasPrefix(full, s.root+string(os.PathSeparator)) {
		return "", fmt.Errorf("path %q escapes storage root", rel)
	}
	return full, nil
}

func (s *Store) preview(c echo.Context) error {
	full, err := s.resolve(c.QueryParam("path"))
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid path")
	}
	return c.File(full) // safe: CWE-22
}

func newID() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func (s *Store) upload(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "missing file")
	}
	src, err := fh.Open()
	if err != nil {
		return err
	}
	defer src.Close()

	dir := filepath.Join(s.root, "incoming")
	if err := os.MkdirAll(dir, 0o777); err != nil { // vuln: CWE-732
		return err
	}
	id, err := newID()
	if err != nil {
		return err
	}
	dst, err := os.OpenFile(filepath.Join(dir, id), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	defer dst.Close()
	if _, err := io.Copy(dst, io.LimitReader(src, 20<<20)); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]string{"id": id, "name": fh.Filename})
}

func (s *Store) thumbnail(c echo.Context) error {
	id := c.Param("id")
	if _, err := hex.DecodeString(id); err != nil || len(id) != 24 {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid id")
	}
	size := c.FormValue("size")
	if size == "" {
		size = "256"
	}
	src := filepath.Join(s.root, "incoming", id)
	dst := src + ".thumb.png"
	cmdline := fmt.Sprintf("convert %s -thumbnail %sx%s %s", src, size, size, dst)
	out, err := exec.Command("/bin/sh", "-c", cmdline).CombinedOutput() // vuln: CWE-78
	if err != nil {
		c.Logger().Errorf("thumbnail for %s failed: %v (%d bytes of output)", id, err, len(out))
		return echo.NewHTTPError(http.StatusInternalServerError, "thumbnail failed")
	}
	return c.File(dst)
}

func (s *Store) export(c echo.Context) error {
	reportID, err := strconv.ParseInt(c.Param("report"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid report id")
	}
	rows, err := s.reports.Rows(reportID)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp("", "export-*.csv") // safe: CWE-377
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()

	w := csv.NewWriter(tmp)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return c.Attachment(tmp.Name(), fmt.Sprintf("report-%d.csv", reportID))
}
