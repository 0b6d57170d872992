// bastion-fixture: internal/models/invoice.go
// ok: foreign-key-not-indexed
package models

import "gorm.io/gorm"

type Customer struct {
	gorm.Model
	Email string `gorm:"uniqueIndex"`
}

type Invoice struct {
	gorm.Model
	CustomerID uint `gorm:"index"`
	Customer   Customer
	TotalCents int64
}
