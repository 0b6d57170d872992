// bastion-fixture: internal/store/products.go
// ok: like-leading-wildcard
package store

func (s *Store) Search(q string) error {
	return s.db.Where("name LIKE ?", q+"%").Find(&out).Error
}
