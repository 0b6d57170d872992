// bastion-fixture: internal/api/items.go
// ok: delete-with-body
package api

func Register(r *gin.Engine, db *gorm.DB) {
	r.DELETE("/items/:id", func(c *gin.Context) {
		db.Delete(&Item{}, c.Param("id"))
	})
}
