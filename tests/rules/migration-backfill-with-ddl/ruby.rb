# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def up
    add_column :orders, :region, :string
# expect: migration-backfill-with-ddl
    Order.update_all(region: "eu")
  end
end
