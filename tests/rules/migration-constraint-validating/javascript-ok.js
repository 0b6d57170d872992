// bastion-fixture: db/migrations/20240620090000_orders_user_fk.js
// ok: migration-constraint-validating
// Added NOT VALID: only new rows are checked, so the table is not scanned under the lock;
// the next migration validates it without blocking writes.
exports.up = async function (knex) {
  await knex.raw(
    "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID",
  );
};

exports.down = async function (knex) {
  await knex.raw("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fk");
};
