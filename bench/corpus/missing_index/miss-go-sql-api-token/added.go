package store

import "database/sql"

func MemberIDByToken(db *sql.DB, token string) (int64, error) {
	var id int64
	err := db.QueryRow("SELECT id FROM members WHERE api_token = $1", token).Scan(&id)
	return id, err
}
