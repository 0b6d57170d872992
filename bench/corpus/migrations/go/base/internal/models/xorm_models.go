package models

import "time"

// Account and Webhook are synced with xorm's Sync2 at start-up.
type Account struct {
	Id      int64     `xorm:"pk autoincr"`
	Login   string    `xorm:"varchar(64) notnull"`
	Email   string    `xorm:"varchar(255)"`
	Created time.Time `xorm:"created"`
}

type Webhook struct {
	Id        int64  `xorm:"pk autoincr"`
	AccountId int64  `xorm:"index notnull"`
	Url       string `xorm:"text notnull"`
}
