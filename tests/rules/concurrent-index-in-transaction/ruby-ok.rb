# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: concurrent-index-in-transaction
class ChangeOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :orders, :ref, algorithm: :concurrently
  end
end
