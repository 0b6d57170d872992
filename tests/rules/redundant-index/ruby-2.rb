# bastion-fixture: db/migrate/20240601090000_order_indexes.rb
class OrderIndexes < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
# expect: redundant-index
    add_index :orders, [:user_id], algorithm: :concurrently
    add_index :orders, [:user_id, :created_at], algorithm: :concurrently
  end
end
