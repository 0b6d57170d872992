# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: rails-create-table-force
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
    create_table :orders do |t|
      t.string :ref
    end
  end
end
