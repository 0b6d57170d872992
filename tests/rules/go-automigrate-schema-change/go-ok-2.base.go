package model

type Pipeline struct {
	ID     int64  `xorm:"pk autoincr 'id'"`
	Author string `xorm:"INDEX 'author'"`
	Ref    string `xorm:"ref"`
}
