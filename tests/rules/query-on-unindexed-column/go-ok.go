// bastion-fixture: internal/models/order.go
// ok: query-on-unindexed-column
package models

import "gorm.io/gorm"

type Order struct {
	gorm.Model
	Status string
	Email  string `gorm:"index"`
}

func Paid(db *gorm.DB) []Order {
	var orders []Order
	db.Where("email = ?", "x").Find(&orders)
	return orders
}
