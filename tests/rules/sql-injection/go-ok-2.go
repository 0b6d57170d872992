// bastion-fixture: internal/store/users.go
// ok: sql-injection
package store

func (s *Store) User(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = " + id)
	return err
}
