// bastion-fixture: internal/store/users.go
// ok: select-star
package store

func (s *Store) Get(id int) error {
	return s.db.Get(&u, "SELECT id, email FROM users WHERE id = $1", id)
}
