package services

import (
	"example.com/app/internal/models"
	"gorm.io/gorm"
)

func InviteByCode(db *gorm.DB, code string) (*models.Invite, error) {
	var invite models.Invite
	err := db.Where("invite_code = ?", code).First(&invite).Error
	return &invite, err
}
