# bastion-fixture: db/migrate/20240601090000_add_user_to_orders.rb
# ok: foreign-key-not-indexed
class AddUserToOrders < ActiveRecord::Migration[7.1]
  def change
    add_reference :orders, :user
  end
end
