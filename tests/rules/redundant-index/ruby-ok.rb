# bastion-fixture: db/migrate/20240610120000_add_index_to_orders_status.rb
# bastion-repo: schema.repo.rb
# ok: redundant-index
class AddIndexToOrdersStatus < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :orders, [:status, :created_at], algorithm: :concurrently
  end
end
