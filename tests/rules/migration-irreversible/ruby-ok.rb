# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-irreversible
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    reversible do |dir|
      dir.up { execute "UPDATE orders SET region = 'eu' WHERE region IS NULL" }
    end
  end
end
