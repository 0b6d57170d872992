// bastion-fixture: internal/api/accounts.go
// ok: nosql-injection
// Query values and fields the body binds into `string`/`int` fields are text or numbers:
// they match a field's value, never an operator document. `Find` on a gorm handle is SQL.
package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

type Accounts struct {
	coll *mongo.Collection
	db   *gorm.DB
}

type loginRequest struct {
	Email    string `json:"email" binding:"required"`
	Password string `json:"password" binding:"required"`
	Age      int    `json:"age"`
}

type Account struct {
	ID    string
	Email string
}

func (h *Accounts) Login(c *gin.Context) {
	var req loginRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid body"})
		return
	}
	var acc Account
	if err := h.coll.FindOne(c, bson.M{"email": req.Email, "age": req.Age}).Decode(&acc); err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "unknown account"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": acc.ID})
}

func (h *Accounts) ByName(c *gin.Context) {
	name := c.Query("name")
	cur, err := h.coll.Find(c, bson.M{"name": name, "region": c.GetHeader("X-Region")})
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "query failed"})
		return
	}
	defer cur.Close(c)
	var rows []Account
	h.db.Find(&rows, "email = ?", c.Query("email"))
	c.JSON(http.StatusOK, rows)
}
