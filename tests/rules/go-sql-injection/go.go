// bastion-fixture: internal/store/users.go
package store

func (s *Store) User(ctx context.Context, id string) error {
// expect: go-sql-injection
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf("SELECT * FROM users WHERE id = %s", id))
// expect: go-sql-injection
	s.db.Exec("DELETE FROM sessions WHERE user_id = " + id)
	q := "SELECT name FROM users WHERE email = '" + email + "'"
// expect: go-sql-injection
	s.sqlx.Get(&u, q)
// expect: go-sql-injection
	s.gorm.Where("name = " + name).Find(&users)
	return err
}
