// bastion-fixture: internal/api/items.go
package api

func Register(r *gin.Engine, db *gorm.DB) {
	r.DELETE("/items", func(c *gin.Context) {
		var ids []int64
// expect: delete-with-body
		_ = c.ShouldBindJSON(&ids)
		db.Delete(&Item{}, ids)
	})
}
