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
	_, err := tx.Exec(`CREATE TABLE carts (id bigint, user_id bigint);
CREATE INDEX carts_user ON carts (user_id)`)
	return err
}
