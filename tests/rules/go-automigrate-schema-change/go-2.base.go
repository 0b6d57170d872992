package model

type LogEntry struct {
	ID     int64 `xorm:"pk autoincr 'id'"`
	StepID int64 `xorm:"INDEX 'step_id'"`
	Time   int64 `xorm:"'time'"`
	Line   int   `xorm:"'line'"`
}
