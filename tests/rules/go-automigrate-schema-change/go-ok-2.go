// bastion-fixture: server/model/pipeline.go
// ok: go-automigrate-schema-change
package model

type Pipeline struct {
	ID     int64  `xorm:"pk autoincr 'id'"`
	Author string `xorm:"INDEX 'author'"` // the user who triggered the pipeline
	Ref    string `xorm:"ref"`
}
