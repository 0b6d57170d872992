// bastion-fixture: internal/api/items.go
package api

func Register(r *gin.Engine, db *gorm.DB) {
	r.POST("/items", func(c *gin.Context) {
		var item Item
		_ = c.ShouldBindJSON(&item)
		db.Create(&item)
// expect: post-create-without-201
		c.JSON(http.StatusOK, item)
	})
}
