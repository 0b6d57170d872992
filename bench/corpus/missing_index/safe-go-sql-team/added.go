package store

import "database/sql"

func CountMembers(db *sql.DB, teamID int64) (int, error) {
	var n int
	err := db.QueryRow("SELECT count(*) FROM members WHERE team_id = $1", teamID).Scan(&n)
	return n, err
}
