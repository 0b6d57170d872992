# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-column-rewrite
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :seen_at, :datetime, default: -> { "now()" }
  end
end
