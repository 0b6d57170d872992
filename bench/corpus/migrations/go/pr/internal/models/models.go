package models

import "time"

// User is migrated with gorm's AutoMigrate at start-up.
type User struct {
	ID        uint   `gorm:"primaryKey"`
	Email     string `gorm:"size:255;not null"`
	Name      string `gorm:"size:120"`
	TenantID  uint   `gorm:"not null"`
	Login     string `gorm:"size:64;uniqueIndex"`
	Bio       *string
	CreatedAt time.Time
}

type Repo struct {
	ID      uint   `gorm:"primaryKey"`
	OwnerID uint   `gorm:"not null;index"`
	Slug    string `gorm:"size:100;not null;index"`
}

// Pipeline is a new table; its indexes are built while it is empty.
type Pipeline struct {
	ID     uint   `gorm:"primaryKey"`
	RepoID uint   `gorm:"not null;index"`
	Name   string `gorm:"size:100;not null;uniqueIndex"`
}
