// bastion-fixture: internal/database/migrations.go
// ok: migration-column-type-change
package database

import "database/sql"

var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) (err error) {
		_, err = tx.Exec("ALTER TABLE entries ADD COLUMN id_new bigint")
		return err
	},
}
