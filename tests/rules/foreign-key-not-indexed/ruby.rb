# bastion-fixture: db/migrate/20240601090000_refunds_order_fk.rb
class RefundsOrderFk < ActiveRecord::Migration[7.1]
  def change
# expect: foreign-key-not-indexed
    add_foreign_key :refunds, :orders, validate: false
  end
end
