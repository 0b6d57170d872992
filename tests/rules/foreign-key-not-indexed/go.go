// bastion-fixture: internal/models/order.go
package models

import "gorm.io/gorm"

type Order struct {
	gorm.Model
// expect: foreign-key-not-indexed
	UserID uint
	User   User `gorm:"foreignKey:UserID"`
}
