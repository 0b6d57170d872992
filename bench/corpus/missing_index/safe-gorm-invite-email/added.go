package services

import (
	"example.com/app/internal/models"
	"gorm.io/gorm"
)

func InviteByEmail(db *gorm.DB, email string) (*models.Invite, error) {
	var invite models.Invite
	err := db.Where("email = ?", email).First(&invite).Error
	return &invite, err
}
