# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-column-type-change
    change_column :orders, :total, :decimal, precision: 14, scale: 2
  end
end
