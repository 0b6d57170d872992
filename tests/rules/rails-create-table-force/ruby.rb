# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def change
# expect: rails-create-table-force
    create_table :orders, force: :cascade do |t|
      t.string :ref
    end
  end
end
