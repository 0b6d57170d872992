class ValidateLineItemsQuantity < ActiveRecord::Migration[7.1]
  def change
    validate_check_constraint :line_items, name: "line_items_quantity_positive"
  end
end
