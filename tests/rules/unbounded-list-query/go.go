// bastion-fixture: internal/api/items.go
package api

func Register(r *gin.Engine, db *gorm.DB) {
	r.GET("/items", func(c *gin.Context) {
		var items []Item
// expect: unbounded-list-query
		db.Find(&items)
		c.JSON(200, items)
	})
}
