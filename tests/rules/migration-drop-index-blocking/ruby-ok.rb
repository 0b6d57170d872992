# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-drop-index-blocking
class ChangeOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    remove_index :orders, :legacy_ref, algorithm: :concurrently
  end
end
