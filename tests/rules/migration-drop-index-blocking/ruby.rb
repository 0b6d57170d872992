# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-drop-index-blocking
    remove_index :orders, :legacy_ref
# expect: migration-drop-index-blocking
    remove_index :orders, name: "index_orders_on_region"
  end
end
