# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-irreversible
    execute "UPDATE orders SET region = 'eu' WHERE region IS NULL"
  end
end
