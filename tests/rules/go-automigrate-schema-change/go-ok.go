// bastion-fixture: internal/models/models.go
// ok: go-automigrate-schema-change
package models

type User struct {
	ID       uint    `gorm:"primaryKey"`
	Email    string  `gorm:"size:255;not null"`
	Active   bool    `gorm:"not null;default:true"`
	Bio      *string
	Nickname string  `gorm:"size:64"`
}

// Pipeline is new: AutoMigrate creates its table empty.
type Pipeline struct {
	ID     uint   `gorm:"primaryKey"`
	RepoID uint   `gorm:"not null;index"`
	Name   string `gorm:"size:100;not null;uniqueIndex"`
}
