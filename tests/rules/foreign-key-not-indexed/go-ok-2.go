// bastion-fixture: internal/models/order.go
// ok: foreign-key-not-indexed
package models

import "gorm.io/gorm"

type Order struct {
	gorm.Model
	UserID uint `gorm:"index"`
	User   User
}
