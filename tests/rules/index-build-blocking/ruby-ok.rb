# bastion-fixture: db/migrate/20240501120000_add_email_index_to_users.rb
# ok: index-build-blocking
class AddEmailIndexToUsers < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :users, :email, unique: true, algorithm: :concurrently
  end
end
