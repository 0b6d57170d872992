# bastion-fixture: db/migrate/20240601090000_order_indexes.rb
# ok: index-too-wide
class OrderIndexes < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :orders, [:user_id, :created_at], algorithm: :concurrently
    add_index :orders, [:number], unique: true, algorithm: :concurrently
    add_index :orders, [:status, :created_at], algorithm: :concurrently
  end
end
