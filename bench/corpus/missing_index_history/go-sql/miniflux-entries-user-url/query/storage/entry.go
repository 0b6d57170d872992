package storage

// HasEntryURL reports whether the user already has an entry pointing at this URL.
func (s *Storage) HasEntryURL(userID int64, link string) bool {
	var n int
	q := `SELECT count(*) as c FROM entries WHERE user_id=$1 AND url=$2`
	s.db.QueryRow(q, userID, link).Scan(&n)
	return n > 0
}
