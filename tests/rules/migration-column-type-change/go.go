// bastion-fixture: internal/database/migrations.go
package database

import "database/sql"

var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) (err error) {
// expect: migration-column-type-change
		_, err = tx.Exec("ALTER TABLE entries ALTER COLUMN id TYPE bigint")
		return err
	},
}
