// bastion-fixture: internal/store/users.go
// ok: go-sql-injection
package store

func (s *Store) User(ctx context.Context, id string) error {
	rows, err := s.db.QueryContext(ctx, "SELECT * FROM users WHERE id = $1", id)
	s.gorm.Where("name = ?", name).Find(&users)
	q := "SELECT name FROM users WHERE email = ?"
	s.sqlx.Get(&u, q, email)
	v := cache.Get("user:" + id)
	// s.db.Exec("DELETE FROM t WHERE id = " + id)
	return err
}
