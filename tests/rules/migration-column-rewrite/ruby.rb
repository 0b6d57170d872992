# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-column-rewrite
    add_column :orders, :token, :uuid, default: -> { "gen_random_uuid()" }
  end
end
