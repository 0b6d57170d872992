# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: migration-drop-or-rename
class ChangeOrders < ActiveRecord::Migration[7.1]
  def up
    add_column :orders, :ref, :string
  end

  def down
    remove_column :orders, :ref
  end
end
