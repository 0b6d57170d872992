# bastion-fixture: db/migrate/20240601090000_change_orders.rb
class ChangeOrders < ActiveRecord::Migration[7.1]
  def up
# expect: enum-value-used-in-transaction
    add_enum_value :order_status, "refunded"
    Order.where.not(refunded_at: nil).update_all(status: "refunded")
  end
end
