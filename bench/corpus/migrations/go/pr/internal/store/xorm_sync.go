package store

import (
	"example.com/ci/internal/models"
	"xorm.io/xorm"
)

func SyncTables(engine *xorm.Engine) error {
	return engine.Sync2(new(models.Account), new(models.Webhook), new(models.Delivery))
}
