package storage

// FeedCount is how many feeds the user follows (0 when the count fails).
func (s *Storage) FeedCount(userID int64) int {
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM feeds WHERE user_id=$1`, userID).Scan(&n); err != nil {
		return 0
	}
	return n
}
