# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-constraint-validating
    add_foreign_key :orders, :users
  end
end
