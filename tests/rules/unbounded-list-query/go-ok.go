// bastion-fixture: internal/api/items.go
// ok: unbounded-list-query
package api

func Register(r *gin.Engine, db *gorm.DB) {
	r.GET("/items", func(c *gin.Context) {
		var items []Item
		db.Limit(50).Find(&items)
		c.JSON(200, items)
	})
}
