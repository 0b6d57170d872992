// bastion-fixture: internal/models/models.go
package models

type User struct {
	ID    uint   `gorm:"primaryKey"`
	Email string `gorm:"size:255;not null"`
// expect: go-automigrate-schema-change
	TenantID uint `gorm:"not null"`
// expect: go-automigrate-schema-change
	Login string `gorm:"size:64;uniqueIndex"`
}

type Account struct {
	Id    int64  `xorm:"pk autoincr"`
// expect: go-automigrate-schema-change
	Plan  string `xorm:"varchar(20) notnull"`
// expect: go-automigrate-schema-change
	Event string `xorm:"varchar(40) index"`
}
