// bastion-fixture: internal/database/migrations.go
// ok: migration-constraint-validating
package database

import "database/sql"

var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) (err error) {
		_, err = tx.Exec(`ALTER TABLE entries
			ADD CONSTRAINT entries_feed FOREIGN KEY (feed_id) REFERENCES feeds (id) NOT VALID`)
		return err
	},
}
