# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-column-type-change
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    change_column_default :orders, :total, from: nil, to: 0
  end
end
