class AddOrdersTotalCheck < ActiveRecord::Migration[7.1]
  def change
    add_check_constraint :orders, "total >= 0", name: "orders_total_non_negative"
    add_check_constraint :line_items, "quantity > 0", name: "line_items_quantity_positive", validate: false
  end
end
