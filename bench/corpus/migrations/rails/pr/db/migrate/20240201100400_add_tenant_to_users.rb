class AddTenantToUsers < ActiveRecord::Migration[7.1]
  def change
    add_column :users, :tenant_id, :bigint, null: false
    add_reference :posts, :category, foreign_key: true
  end
end
