// bastion-fixture: internal/handlers/users.go
package handlers

func (h *Handler) Users(c *gin.Context) {
	name := c.Query("name")
// expect: sql-injection
	rows, _ := h.db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
// expect: sql-injection
	h.db.Exec("DELETE FROM sessions WHERE user_id = " + c.Param("id"))
// expect: sql-injection
	h.gorm.Where("name = " + name).Find(&users)
	_ = rows
}
