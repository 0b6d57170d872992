package users

import (
	"crypto/des"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"database/sql"
	"encoding/gob"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"math/rand"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/go-ldap/ldap/v3"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

const ldapBindPassword = "Bind-Pa55word!" // vuln: CWE-798

type API struct {
	DB     *sql.DB
	Logger *slog.Logger
}

func New(db *sql.DB) *echo.Echo {
	e := echo.New()
	e.Debug = true // vuln: CWE-489
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: []string{"*"}, AllowCredentials: true})) // vuln: CWE-942
	return e
}

func (a *API) getUser(c echo.Context) error {
	email := c.QueryParam("email")
	row := a.DB.QueryRow(fmt.Sprintf("SELECT id, name FROM users WHERE email = '%s'", email)) // vuln: CWE-89
	var id int
	var name string
	_ = row.Scan(&id, &name)
	return c.JSON(http.StatusOK, map[string]any{"id": id, "name": name})
}

func (a *API) getUserSafe(c echo.Context) error {
	row := a.DB.QueryRow("SELECT id, name FROM users WHERE email = ?", c.QueryParam("email")) // safe: CWE-89
	var id int
	var name string
	_ = row.Scan(&id, &name)
	return c.JSON(http.StatusOK, map[string]any{"id": id, "name": name})
}

func (a *API) deactivate(c echo.Context) error {
	stmt := "UPDATE users SET active = false WHERE team = '" + c.FormValue("team") + "'"
	_, err := a.DB.ExecContext(c.Request().Context(), stmt) // vuln: CWE-89
	return err
}

func (a *API) countByStatus(c echo.Context) error {
	statuses := map[string]bool{"active": true, "invited": true}
	status := c.QueryParam("status")
	if !statuses[status] {
		return echo.ErrBadRequest
	}
	var n int
	_ = a.DB.QueryRow("SELECT count(*) FROM users WHERE status = '" + status + "'").Scan(&n) // safe: CWE-89
	return c.JSON(http.StatusOK, n)
}

func (a *API) directory(c echo.Context) error {
	l, err := ldap.DialURL("ldap://ldap.corp.example:389")
	if err != nil {
		return err
	}
	defer l.Close()
	_ = l.Bind("cn=svc,dc=corp,dc=example", ldapBindPassword)
	req := ldap.NewSearchRequest("dc=corp,dc=example", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		"(uid="+c.QueryParam("uid")+")", []string{"cn"}, nil) // vuln: CWE-90
	res, err := l.Search(req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, len(res.Entries))
}

func (a *API) directorySafe(c echo.Context) error {
	filter := fmt.Sprintf("(uid=%s)", ldap.EscapeFilter(c.QueryParam("uid"))) // safe: CWE-90
	return c.String(http.StatusOK, filter)
}

func (a *API) avatar(c echo.Context) error {
	return c.File(filepath.Join("/srv/avatars", c.Param("name"))) // vuln: CWE-22
}

func (a *API) avatarSafe(c echo.Context) error {
	name := filepath.Base(c.Param("name"))
	return c.File(filepath.Join("/srv/avatars", name)) // safe: CWE-22
}

func (a *API) exportUser(c echo.Context) error {
	cmd := exec.Command("/bin/sh", "-c", "user-export --id "+c.Param("id")) // vuln: CWE-78
	return cmd.Run()
}

func (a *API) exportUserSafe(c echo.Context) error {
	cmd := exec.CommandContext(c.Request().Context(), "user-export", "--id", c.Param("id")) // safe: CWE-78
	return cmd.Run()
}

func (a *API) fetchAvatar(c echo.Context) error {
	u, err := url.Parse(c.QueryParam("src"))
	if err != nil {
		return echo.ErrBadRequest
	}
	resp, err := http.DefaultClient.Get(u.String()) // vuln: CWE-918
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return c.Stream(http.StatusOK, "image/png", resp.Body)
}

func (a *API) fetchGravatar(c echo.Context) error {
	hash := sha256.Sum256([]byte(strings.ToLower(c.QueryParam("email"))))
	resp, err := http.Get(fmt.Sprintf("https://www.gravatar.com/avatar/%x", hash)) // safe: CWE-918
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return c.Stream(http.StatusOK, "image/png", resp.Body)
}

func (a *API) profile(c echo.Context) error {
	return c.HTML(http.StatusOK, "<h1>"+c.QueryParam("name")+"</h1>") // vuln: CWE-79
}

func (a *API) profileSafe(c echo.Context) error {
	return c.HTML(http.StatusOK, "<h1>"+template.HTMLEscapeString(c.QueryParam("name"))+"</h1>") // safe: CWE-79
}

func (a *API) profileTemplate(c echo.Context) error {
	t := template.Must(template.New("p").Parse("<h1>{{.}}</h1>"))
	return t.Execute(c.Response(), template.HTML(c.QueryParam("bio"))) // vuln: CWE-79
}

func (a *API) logout(c echo.Context) error {
	return c.Redirect(http.StatusFound, c.QueryParam("redirect")) // vuln: CWE-601
}

func (a *API) logoutSafe(c echo.Context) error {
	return c.Redirect(http.StatusFound, "/login") // safe: CWE-601
}

func (a *API) session(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "sid", Value: fmt.Sprint(rand.Int63()), HttpOnly: false}) // vuln: CWE-1004
	return c.NoContent(http.StatusNoContent)
}

func (a *API) sessionSafe(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "sid", Value: "opaque", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}) // safe: CWE-1004
	return c.NoContent(http.StatusNoContent)
}

func (a *API) importPrefs(c echo.Context) error {
	var prefs map[string]any
	if err := gob.NewDecoder(c.Request().Body).Decode(&prefs); err != nil { // safe: CWE-502
		return err
	}
	return c.JSON(http.StatusOK, prefs)
}

func (a *API) audit(c echo.Context) error {
	a.Logger.Info("login failed for user " + c.FormValue("username")) // vuln: CWE-117
	return nil
}

func (a *API) setLocale(c echo.Context) error {
	c.Response().Header().Set("Content-Language", c.QueryParam("lang")) // vuln: CWE-113
	return c.NoContent(http.StatusNoContent)
}

func webhookSignature(secret, body []byte) []byte {
	mac := hmac.New(sha1.New, secret) // safe: CWE-328
	mac.Write(body)
	return mac.Sum(nil)
}

func passwordDigest(pw string) []byte {
	h := sha1.New() // vuln: CWE-328
	io.WriteString(h, pw)
	return h.Sum(nil)
}

func legacyEncrypt(key, data []byte) []byte {
	block, _ := des.NewCipher(key) // vuln: CWE-327
	out := make([]byte, len(data))
	block.Encrypt(out, data)
	return out
}

func writeAudit(line string) error {
	f, err := os.OpenFile("/var/log/users/audit.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o666) // vuln: CWE-732
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(line)
	return err
}

func scratchDir() (string, error) {
	return os.MkdirTemp("", "users-export-") // safe: CWE-377
}
