# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: migration-drop-or-rename
    remove_column :orders, :legacy_ref, :string
# expect: migration-drop-or-rename
    rename_column :orders, :mail, :email
  end
end
