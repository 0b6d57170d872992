# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-not-null-column
    add_column :orders, :region, :string, null: false
# expect: migration-not-null-column
    change_column_null :orders, :ref, false
  end
end
