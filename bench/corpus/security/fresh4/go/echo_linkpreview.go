package linkpreview

import (
	"crypto/tls"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

var trustedImageHosts = map[string]bool{
	"images.cdn.example.com": true,
	"avatars.example.com":    true,
	"static.partner.io":      true,
}

var legacyClient = &http.Client{
	Timeout: 10 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // vuln: CWE-295
	},
}

var imageClient = &http.Client{Timeout: 5 * time.Second}

type Preview struct {
	URL         string `json:"url"`
	Status      int    `json:"status"`
	ContentType string `json:"content_type"`
	Snippet     string `json:"snippet"`
}

func Register(e *echo.Echo) {
	e.GET("/preview", fetchPreview)
	e.GET("/proxy/image", proxyImage)
	e.GET("/auth/continue", continueAfterLogin)
	e.GET("/auth/done", finishLogin)
}

func fetchPreview(c echo.Context) error {
	target := c.QueryParam("url")
	if !strings.HasPrefix(target, "http") {
		target = "https://" + target
	}
	resp, err := legacyClient.Get(target) // vuln: CWE-918
	if err != nil {
		return c.JSON(http.StatusBadGateway, map[string]string{"error": "fetch failed"})
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
	return c.JSON(http.StatusOK, Preview{
		URL:         target,
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Snippet:     string(body),
	})
}

func proxyImage(c echo.Context) error {
	u, err := url.Parse(c.QueryParam("src"))
	if err != nil || u.Scheme != "https" || !trustedImageHosts[u.Hostname()] {
		return c.NoContent(http.StatusBadRequest)
	}
	resp, err := imageClient.Get(u.String()) // safe: CWE-918
	if err != nil {
		return c.NoContent(http.StatusBadGateway)
	}
	defer resp.Body.Close()
	return c.Stream(resp.StatusCode, resp.Header.Get("Content-Type"), resp.Body)
}

func continueAfterLogin(c echo.Context) error {
	returnTo := c.QueryParam("return_to")
	if returnTo == "" {
		returnTo = "/home"
	}
	return c.Redirect(http.StatusFound, returnTo) // vuln: CWE-601
}

func finishLogin(c echo.Context) error {
	next := c.QueryParam("next")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		next = "/home"
	}
	return c.Redirect(http.StatusSeeOther, next) // safe: CWE-601
}
