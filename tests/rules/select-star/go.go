// bastion-fixture: internal/store/users.go
package store

func (s *Store) Get(id int) error {
// expect: select-star
	return s.db.Get(&u, "SELECT * FROM users WHERE id = $1", id)
}
