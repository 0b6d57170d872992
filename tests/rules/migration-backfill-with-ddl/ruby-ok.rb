# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-backfill-with-ddl
class ChangeOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def up
    Order.in_batches.update_all(region: "eu")
  end
end
