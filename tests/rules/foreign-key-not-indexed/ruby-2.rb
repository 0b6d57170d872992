# bastion-fixture: db/migrate/20240601090000_add_user_to_orders.rb
class AddUserToOrders < ActiveRecord::Migration[7.1]
  def change
# expect: foreign-key-not-indexed
    add_reference :orders, :user, index: false
  end
end
