// bastion-fixture: internal/models/order.go
// ok: function-predicate-without-index
package models

import (
	"strings"

	"gorm.io/gorm"
)

type Order struct {
	gorm.Model
	Status string
	Email  string `gorm:"index"`
}

// Emails are stored lower-cased, so the plain index on email serves the lookup.
func ByEmail(db *gorm.DB, email string) []Order {
	var orders []Order
	db.Where("email = ?", strings.ToLower(email)).Find(&orders)
	return orders
}
