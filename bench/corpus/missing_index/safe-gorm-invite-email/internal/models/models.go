package models

import "gorm.io/gorm"

type Invite struct {
	gorm.Model
	TeamID     uint   `gorm:"not null;index"`
	InviteCode string `gorm:"size:32;not null"`
	Email      string `gorm:"size:255;uniqueIndex"`
}
