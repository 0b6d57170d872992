# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-constraint-validating
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    add_foreign_key :orders, :users, validate: false
  end
end
