// bastion-fixture: internal/store/users.go
// ok: n-plus-one-query
package store

func (s *Store) Users() ([]User, error) {
	var users []User
	s.db.Preload("Orders").Find(&users)
	for _, u := range users {
		s.db.Where("user_id = ?", u.ID).Find(&u.Orders)
	}
	return users, nil
}
