// bastion-fixture: internal/models/order.go
package models

import "gorm.io/gorm"

type Order struct {
	gorm.Model
	Status string
	Email  string `gorm:"index"`
}

func Paid(db *gorm.DB) []Order {
	var orders []Order
// expect: query-on-unindexed-column
	db.Where("status = ?", "x").Find(&orders)
	return orders
}
