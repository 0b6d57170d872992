// bastion-fixture: internal/db/migrations/20240601090000_orders.go
// ok: index-build-blocking
package migrations

import (
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigration(upOrders, nil)
}

func upOrders(tx *sql.Tx) error {
	_, err := tx.Exec(`CREATE INDEX CONCURRENTLY orders_user ON orders (user_id)`)
	return err
}
