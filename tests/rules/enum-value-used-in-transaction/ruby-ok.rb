# bastion-fixture: db/migrate/20240601090000_change_orders.rb
# ok: enum-value-used-in-transaction
class ChangeOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def up
    add_enum_value :order_status, "refunded"
  end
end
