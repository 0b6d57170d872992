// bastion-fixture: internal/models/order.go
package models

import "gorm.io/gorm"

type Order struct {
	gorm.Model
// expect: fk-without-index
	UserID uint
	User   User `gorm:"foreignKey:UserID"`
}
