// bastion-fixture: internal/api/items.go
// ok: post-create-without-201
package api

func Register(r *gin.Engine, db *gorm.DB) {
	r.POST("/items", func(c *gin.Context) {
		var item Item
		_ = c.ShouldBindJSON(&item)
		db.Create(&item)
		c.JSON(http.StatusCreated, item)
	})
}
