package models

import "time"

// User is migrated with gorm's AutoMigrate at start-up.
type User struct {
	ID        uint   `gorm:"primaryKey"`
	Email     string `gorm:"size:255;not null"`
	Name      string `gorm:"size:120"`
	CreatedAt time.Time
}

type Repo struct {
	ID      uint   `gorm:"primaryKey"`
	OwnerID uint   `gorm:"not null;index"`
	Slug    string `gorm:"size:100;not null"`
}
