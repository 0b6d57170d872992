// bastion-fixture: internal/store/products.go
package store

func (s *Store) Search(q string) error {
// expect: like-leading-wildcard
	return s.db.Where("name LIKE ?", "%"+q+"%").Find(&out).Error
}
