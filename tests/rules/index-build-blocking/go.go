// bastion-fixture: internal/db/migrations/20240601090000_orders.go
package migrations

import (
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigration(upOrders, nil)
}

func upOrders(tx *sql.Tx) error {
// expect: index-build-blocking
	_, err := tx.Exec(`CREATE INDEX orders_user ON orders (user_id)`)
	return err
}
