class RenameLineItems < ActiveRecord::Migration[7.1]
  def change
    rename_table :line_items, :order_items
  end
end
