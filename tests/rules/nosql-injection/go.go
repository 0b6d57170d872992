// bastion-fixture: internal/api/reports.go
package api

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Reports struct {
	coll *mongo.Collection
	db   *mongo.Database
}

// The dashboard posts a ready-made filter document: `{"owner": {"$ne": ""}}` lists
// every tenant's reports.
type searchRequest struct {
	Filter bson.M `json:"filter"`
	Limit  int64  `json:"limit"`
}

func (h *Reports) Search(c *gin.Context) {
	var req searchRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid body"})
		return
	}
	// expect: nosql-injection
	cur, err := h.coll.Find(c, req.Filter)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "query failed"})
		return
	}
	defer cur.Close(c)
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func (h *Reports) Expensive(c *gin.Context) {
	floor := c.Query("min")
	reports := h.db.Collection("reports")
	// expect: nosql-injection
	cur, err := reports.Find(c, bson.M{"$where": "this.total > " + floor})
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "query failed"})
		return
	}
	defer cur.Close(c)
}

func (h *Reports) Count(w http.ResponseWriter, r *http.Request) {
	var filter map[string]interface{}
	if err := json.NewDecoder(r.Body).Decode(&filter); err != nil {
		http.Error(w, "bad filter", http.StatusBadRequest)
		return
	}
	// expect: nosql-injection
	n, err := h.coll.CountDocuments(r.Context(), filter)
	if err != nil {
		http.Error(w, "count failed", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]int64{"count": n})
}
