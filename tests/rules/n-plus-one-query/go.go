// bastion-fixture: internal/store/users.go
package store

func (s *Store) Users() ([]User, error) {
	var users []User
	if err := s.db.Where("active = ?", true).Find(&users).Error; err != nil {
		return nil, err
	}
	for i, u := range users {
// expect: n-plus-one-query
		s.db.Where("user_id = ?", u.ID).Find(&users[i].Orders)
	}
	return users, nil
}
