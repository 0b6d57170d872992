# bastion-fixture: db/migrate/20240501120000_add_email_index_to_users.rb
class AddEmailIndexToUsers < ActiveRecord::Migration[7.1]
  def change
# expect: index-build-blocking
    add_index :users, :email, unique: true
# expect: index-build-blocking
    add_index(:orders, [:user_id, :created_at],
              name: "index_orders_on_user_and_time")
  end
end
