# bastion-fixture: db/migrate/20240601090000_order_indexes.rb
class OrderIndexes < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
# expect: index-too-wide
    add_index :orders, [:user_id, :status, :region, :created_at], algorithm: :concurrently
  end
end
