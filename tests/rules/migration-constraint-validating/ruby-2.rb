# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    add_foreign_key :orders, :users, validate: false
# expect: migration-constraint-validating
    validate_foreign_key :orders, :users
  end
end
