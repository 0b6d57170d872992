// bastion-fixture: internal/models/order.go
// ok: fk-without-index
package models

import "gorm.io/gorm"

type Order struct {
	gorm.Model
	UserID uint `gorm:"index"`
	User   User
}
