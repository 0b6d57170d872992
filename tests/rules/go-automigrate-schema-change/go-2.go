// bastion-fixture: server/model/log.go
package model

type LogEntry struct {
	ID     int64 `xorm:"pk autoincr 'id'"`
// expect: go-automigrate-schema-change
	StepID int64 `xorm:"UNIQUE(s) INDEX 'step_id'"`
	Time   int64 `xorm:"'time'"`
	Line   int   `xorm:"UNIQUE(s) 'line'"`
}
