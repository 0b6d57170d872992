class AddIndexToOrdersState < ActiveRecord::Migration[7.1]
  def change
    add_index :orders, :state, algorithm: :concurrently
  end
end
