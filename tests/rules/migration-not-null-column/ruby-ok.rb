# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-not-null-column
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :region, :string, null: false, default: "eu"
  end
end
