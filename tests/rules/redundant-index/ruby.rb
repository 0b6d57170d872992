# bastion-fixture: db/migrate/20240610120000_add_index_to_orders_customer.rb
# bastion-repo: schema.repo.rb
class AddIndexToOrdersCustomer < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
# expect: redundant-index
    add_index :orders, :customer_id, algorithm: :concurrently
  end
end
