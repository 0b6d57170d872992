package gateway

import (
	"crypto/tls"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

var imageHosts = map[string]bool{
	"cdn.example.com":        true,
	"images.unsplash.com":    true,
	"media.partner-shop.com": true,
}

var warehouseClient = &http.Client{
	Timeout: 20 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // vuln: CWE-295
		MaxIdleConns:    10,
	},
}

var publicClient = &http.Client{Timeout: 10 * time.Second}

type Gateway struct {
	WarehouseURL string
}

func (g *Gateway) Register(r *gin.Engine) {
	r.GET("/img", g.imageProxy)
	r.GET("/unfurl", g.unfurl)
	r.GET("/stock/:sku", g.stock)
	r.GET("/login/done", g.afterLogin)
	r.GET("/logout", g.logout)
}

func (g *Gateway) imageProxy(c *gin.Context) {
	u, err := url.Parse(c.Query("src"))
	if err != nil || u.Scheme != "https" || !imageHosts[u.Hostname()] {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	resp, err := publicClient.Get(u.String()) // safe: CWE-918
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.DataFromReader(resp.StatusCode, resp.ContentLength, resp.Header.Get("Content-Type"), resp.Body, nil)
}

func (g *Gateway) unfurl(c *gin.Context) {
	target := strings.TrimSpace(c.Query("url"))
	if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		target = "https://" + target
	}
	resp, err := publicClient.Get(target) // vuln: CWE-918
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "unreachable"})
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 256<<10))
	c.JSON(http.StatusOK, gin.H{"status": resp.StatusCode, "contentType": resp.Header.Get("Content-Type"), "size": len(body)})
}

func (g *Gateway) stock(c *gin.Context) {
	sku := url.PathEscape(c.Param("sku"))
	resp, err := warehouseClient.Get(g.WarehouseURL + "/v1/stock/" + sku)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "warehouse unavailable"})
		return
	}
	defer resp.Body.Close()
	c.DataFromReader(resp.StatusCode, resp.ContentLength, "application/json", resp.Body, nil)
}

func (g *Gateway) afterLogin(c *gin.Context) {
	next := c.DefaultQuery("next", "/")
	c.SetCookie("logged_in", "1", 3600, "/", "", true, false)
	c.Redirect(http.StatusFound, next) // vuln: CWE-601
}

func isLocalPath(u *url.URL) bool {
	if u.Scheme != "" || u.Host != "" || u.User != nil {
		return false
	}
	p := u.Path
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.Contains(p, "\\")
}

func (g *Gateway) logout(c *gin.Context) {
	dest := "/"
	if ret, err := url.Parse(c.Query("return")); err == nil && isLocalPath(ret) {
		dest = ret.EscapedPath()
	}
	c.SetCookie("session", "", -1, "/", "", true, true)
	c.Redirect(http.StatusFound, dest) // safe: CWE-601
}
