class ValidateLineItemsOrderFk < ActiveRecord::Migration[7.1]
  def change
    validate_foreign_key :line_items, :orders
  end
end
