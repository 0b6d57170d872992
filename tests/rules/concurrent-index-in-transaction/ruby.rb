# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: concurrent-index-in-transaction
    add_index :orders, :ref, algorithm: :concurrently
  end
end
