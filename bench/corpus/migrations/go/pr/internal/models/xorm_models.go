package models

import "time"

// Account and Webhook are synced with xorm's Sync2 at start-up.
type Account struct {
	Id      int64     `xorm:"pk autoincr"`
	Login   string    `xorm:"varchar(64) notnull"`
	Email   string    `xorm:"varchar(255) unique"`
	Plan    string    `xorm:"varchar(20) notnull"`
	Avatar  string    `xorm:"varchar(255)"`
	Created time.Time `xorm:"created"`
}

type Webhook struct {
	Id        int64  `xorm:"pk autoincr"`
	AccountId int64  `xorm:"index notnull"`
	Url       string `xorm:"text notnull"`
	Event     string `xorm:"varchar(40) index"`
}

// Delivery is a new table created by Sync2.
type Delivery struct {
	Id        int64  `xorm:"pk autoincr"`
	WebhookId int64  `xorm:"index notnull"`
	Status    int    `xorm:"index"`
}
