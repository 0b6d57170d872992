package storage

import "github.com/miniflux/miniflux/model"

// seen reports whether a refreshed feed item is already stored, by its content hash.
func (s *Storage) seen(e *model.Entry) bool {
	var n int
	q := `SELECT count(*) as c FROM entries WHERE user_id=$1 AND feed_id=$2 AND hash=$3`
	s.db.QueryRow(q, e.UserID, e.FeedID, e.Hash).Scan(&n)
	return n > 0
}
