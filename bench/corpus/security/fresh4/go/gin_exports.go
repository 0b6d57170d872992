package exports

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/gin-gonic/gin"
)

const exportDir = "/var/lib/reporting/exports"

var allowedDatabases = map[string]bool{
	"analytics": true,
	"billing":   true,
	"crm":       true,
}

func RegisterRoutes(r *gin.Engine) {
	g := r.Group("/admin/exports")
	g.POST("/dump", dumpDatabase)
	g.POST("/snapshot", snapshotDatabase)
	g.GET("/download", downloadExport)
	g.GET("/files/:name", serveExport)
	g.POST("/manifest", writeManifest)
}

func dumpDatabase(c *gin.Context) {
	dbName := c.PostForm("database")
	label := c.DefaultPostForm("label", "manual")
	out := filepath.Join(exportDir, fmt.Sprintf("%s-%d.sql.gz", label, time.Now().Unix()))
	script := "pg_dump --no-owner " + dbName + " | gzip > " + out
	cmd := exec.Command("/bin/sh", "-c", script) // vuln: CWE-78
	if output, err := cmd.CombinedOutput(); err != nil {
		log.Printf("dump failed: %v: %s", err, output)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "dump failed"}) // safe: CWE-209
		return
	}
	c.JSON(http.StatusCreated, gin.H{"file": filepath.Base(out)})
}

func snapshotDatabase(c *gin.Context) {
	dbName := c.PostForm("database")
	if !allowedDatabases[dbName] {
		c.JSON(http.StatusBadRequest, gin.H{"error": "unknown database"})
		return
	}
	out := filepath.Join(exportDir, fmt.Sprintf("%s-%d.dump", dbName, time.Now().Unix()))
	cmd := exec.Command("pg_dump", "--format=custom", "--file", out, "--dbname", dbName) // safe: CWE-78
	if err := cmd.Run(); err != nil {
		log.Printf("snapshot of %s failed: %v", dbName, err)
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"file": filepath.Base(out)})
}

func downloadExport(c *gin.Context) {
	requested := c.Query("file")
	fullPath := filepath.Join(exportDir, requested)
	c.File(fullPath) // vuln: CWE-22
}

func serveExport(c *gin.Context) {
	name := filepath.Base(c.Param("name"))
	if name == "." || name == string(filepath.Separator) {
		c.Status(http.StatusBadRequest)
		return
	}
	c.FileAttachment(filepath.Join(exportDir, name), name) // safe: CWE-22
}

type manifestRequest struct {
	Files []string `json:"files"`
	Owner string   `json:"owner"`
}

func writeManifest(c *gin.Context) {
	var req manifestRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid body"})
		return
	}
	manifest := fmt.Sprintf("owner=%q\ncreated=%s\n", req.Owner, time.Now().Format(time.RFC3339))
	for _, f := range req.Files {
		manifest += "file=" + filepath.Base(f) + "\n"
	}
	target := filepath.Join(exportDir, fmt.Sprintf("manifest-%d.txt", time.Now().UnixNano()))
	if err := os.WriteFile(target, []byte(manifest), 0o777); err != nil { // vuln: CWE-732
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not write manifest"})
		return
	}
	c.JSON(http.StatusCreated, gin.H{"manifest": filepath.Base(target)})
}
