// bastion-fixture: internal/handlers/users.go
// ok: sql-injection
package handlers

func (h *Handler) Users(c *gin.Context) {
	table := h.prefix + "_users"
	rows, _ := h.db.Query(fmt.Sprintf("SELECT * FROM %s WHERE name = ?", table), c.Query("name"))
	h.db.Exec("CREATE TABLE " + "IF NOT EXISTS" + " t (id int)")
	dir := "ASC"
	if c.Query("dir") == "desc" {
		dir = "DESC"
	}
	h.db.Query("SELECT * FROM users WHERE org = ? ORDER BY created_at "+dir, c.Query("org"))
	_ = rows
}
