package tickets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/xml"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"gorm.io/gorm"
)

var jwtKey = []byte("tickets-super-secret") // vuln: CWE-798
var jwtKeyFromEnv = []byte(os.Getenv("TICKETS_JWT_KEY")) // safe: CWE-798

var orderColumns = map[string]string{"newest": "created_at desc", "oldest": "created_at asc"}

type Ticket struct {
	ID       uint
	Title    string
	Assignee string
	IsAdmin  bool
}

type Handler struct {
	DB *gorm.DB
}

func Router(h *Handler) *gin.Engine {
	r := gin.Default()
	// gin-contrib/cors answers AllowAllOrigins with a literal "*", which browsers refuse with credentials.
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true})) // safe: CWE-942
	r.GET("/tickets", h.list)
	r.GET("/tickets/raw", h.raw)
	r.POST("/tickets", h.create)
	return r
}

func (h *Handler) list(c *gin.Context) {
	var tickets []Ticket
	assignee := c.Query("assignee")
	h.DB.Where("assignee = '" + assignee + "'").Find(&tickets) // vuln: CWE-89
	c.JSON(http.StatusOK, tickets)
}

func (h *Handler) listSafe(c *gin.Context) {
	var tickets []Ticket
	h.DB.Where("assignee = ?", c.Query("assignee")).Find(&tickets) // safe: CWE-89
	c.JSON(http.StatusOK, tickets)
}

func (h *Handler) listOrdered(c *gin.Context) {
	var tickets []Ticket
	order, ok := orderColumns[c.Query("order")]
	if !ok {
		order = "created_at desc"
	}
	h.DB.Order(order).Find(&tickets) // safe: CWE-89
	c.JSON(http.StatusOK, tickets)
}

func (h *Handler) listOrderedUnsafe(c *gin.Context) {
	var tickets []Ticket
	h.DB.Order(c.Query("order")).Find(&tickets) // vuln: CWE-89
	c.JSON(http.StatusOK, tickets)
}

func (h *Handler) raw(c *gin.Context) {
	var tickets []Ticket
	h.DB.Raw("SELECT * FROM tickets WHERE title LIKE '%" + c.Query("q") + "%'").Scan(&tickets) // vuln: CWE-89
	c.JSON(http.StatusOK, tickets)
}

func (h *Handler) rawByID(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.Status(http.StatusBadRequest)
		return
	}
	var t Ticket
	h.DB.Raw("SELECT * FROM tickets WHERE id = " + strconv.Itoa(id)).Scan(&t) // safe: CWE-89
	c.JSON(http.StatusOK, t)
}

func (h *Handler) create(c *gin.Context) {
	var t Ticket
	if err := c.ShouldBindJSON(&t); err != nil { // vuln: CWE-915
		c.Status(http.StatusBadRequest)
		return
	}
	h.DB.Create(&t)
	c.JSON(http.StatusCreated, t)
}

func (h *Handler) attach(c *gin.Context) {
	name := c.Query("file")
	c.File("/srv/tickets/attachments/" + name) // vuln: CWE-22
}

func (h *Handler) attachSafe(c *gin.Context) {
	name := filepath.Base(c.Query("file"))
	c.File(filepath.Join("/srv/tickets/attachments", name)) // safe: CWE-22
}

func (h *Handler) diagnose(c *gin.Context) {
	host := c.PostForm("host")
	out, _ := exec.Command("bash", "-c", "ping -c 1 "+host).Output() // vuln: CWE-78
	c.String(http.StatusOK, string(out))
}

func (h *Handler) greet(c *gin.Context) {
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<b>"+c.Query("name")+"</b>")) // vuln: CWE-79
}

func (h *Handler) greetSafe(c *gin.Context) {
	c.HTML(http.StatusOK, "greet.tmpl", gin.H{"name": c.Query("name")}) // safe: CWE-79
}

func (h *Handler) back(c *gin.Context) {
	c.Redirect(http.StatusFound, c.Query("next")) // vuln: CWE-601
}

func (h *Handler) importXML(c *gin.Context) {
	var t Ticket
	if err := xml.NewDecoder(c.Request.Body).Decode(&t); err != nil { // safe: CWE-611
		c.Status(http.StatusBadRequest)
		return
	}
	c.JSON(http.StatusOK, t)
}

func parseToken(raw string) (*jwt.Token, error) {
	p := jwt.NewParser()
	tok, _, err := p.ParseUnverified(raw, jwt.MapClaims{}) // vuln: CWE-347
	return tok, err
}

func parseTokenSafe(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return jwtKeyFromEnv, nil }, jwt.WithValidMethods([]string{"HS256"})) // safe: CWE-347
}

func sealStaticNonce(key, plaintext []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, _ := cipher.NewGCM(block)
	nonce := []byte("123456789012")
	return gcm.Seal(nil, nonce, plaintext, nil), nil // vuln: CWE-329
}

func sealRandomNonce(key, plaintext []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, _ := cipher.NewGCM(block)
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plaintext, nil), nil // safe: CWE-329
}
