package storage // import "miniflux.app/storage"

import "miniflux.app/model"

// HasEnclosure reports whether this attachment is already stored for the entry.
func (s *Storage) HasEnclosure(e *model.Enclosure) bool {
	var n int
	q := `SELECT count(*) as c FROM enclosures WHERE user_id=$1 AND entry_id=$2 AND url=$3`
	s.db.QueryRow(q, e.UserID, e.EntryID, e.URL).Scan(&n)
	return n > 0
}
