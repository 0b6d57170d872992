package accounts

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	mrand "math/rand"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type Store interface {
	CreateUser(email, passwordHash, salt string) (int64, error)
	UserByEmail(email string) (id int64, passwordHash, salt string, err error)
	SaveResetToken(userID int64, tokenHash string, expires time.Time) error
	SaveSMSCode(userID int64, code string, expires time.Time) error
}

type Claims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

type API struct {
	store     Store
	jwtSecret []byte
}

func NewServer(store Store) *echo.Echo {
	e := echo.New()
	e.Debug = true // vuln: CWE-489
	e.Use(middleware.Recover())
	e.Use(middleware.RequestID())

	api := &API{store: store, jwtSecret: []byte(os.Getenv("JWT_SECRET"))}
	e.POST("/signup", api.signup)
	e.POST("/password/reset", api.requestReset)
	e.POST("/phone/verify", api.sendSMSCode, api.requireUser)
	e.GET("/partner/orders", api.partnerOrders, api.partnerAuth)
	return e
}

func hashPassword(password, salt string) string {
	sum := md5.Sum([]byte(salt + password)) // vuln: CWE-328
	return hex.EncodeToString(sum[:])
}

func (a *API) signup(c echo.Context) error {
	email := strings.ToLower(strings.TrimSpace(c.FormValue("email")))
	password := c.FormValue("password")
	if len(password) < 12 {
		return echo.NewHTTPError(http.StatusBadRequest, "password too short")
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	id, err := a.store.CreateUser(email, hashPassword(password, hex.EncodeToString(salt)), hex.EncodeToString(salt))
	if err != nil {
		return echo.NewHTTPError(http.StatusConflict, "account exists")
	}
	return c.JSON(http.StatusCreated, map[string]int64{"id": id})
}

func (a *API) requestReset(c echo.Context) error {
	id, _, _, err := a.store.UserByEmail(strings.ToLower(c.FormValue("email")))
	if err != nil {
		return c.NoContent(http.StatusAccepted)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil { // safe: CWE-330
		return err
	}
	token := hex.EncodeToString(raw)
	digest := sha256.Sum256([]byte(token)) // safe: CWE-328
	if err := a.store.SaveResetToken(id, hex.EncodeToString(digest[:]), time.Now().Add(time.Hour)); err != nil {
		return err
	}
	// token is mailed to the user by the notifier worker
	return c.NoContent(http.StatusAccepted)
}

func (a *API) sendSMSCode(c echo.Context) error {
	userID := c.Get("userID").(int64)
	code := fmt.Sprintf("%06d", mrand.Intn(1000000)) // vuln: CWE-330
	if err := a.store.SaveSMSCode(userID, code, time.Now().Add(10*time.Minute)); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "sent"})
}

func (a *API) requireUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer ")
		claims := &Claims{}
		_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) { return a.jwtSecret, nil }, jwt.WithValidMethods([]string{"HS256"})) // safe: CWE-347
		if err != nil {
			return echo.ErrUnauthorized
		}
		var id int64
		fmt.Sscanf(claims.Subject, "%d", &id)
		c.Set("userID", id)
		return next(c)
	}
}

func (a *API) partnerAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := c.Request().Header.Get("X-Partner-Token")
		claims := &Claims{}
		if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // vuln: CWE-347
			return echo.ErrUnauthorized
		}
		if claims.Role != "partner" {
			return echo.ErrForbidden
		}
		c.Set("partnerID", claims.Subject)
		return next(c)
	}
}

func (a *API) partnerOrders(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"partner": c.Get("partnerID"), "orders": []string{}})
}
