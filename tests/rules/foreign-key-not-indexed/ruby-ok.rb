# bastion-fixture: db/migrate/20240601090000_refunds_order_fk.rb
# ok: foreign-key-not-indexed
class RefundsOrderFk < ActiveRecord::Migration[7.1]
  def change
    add_index :refunds, :order_id, algorithm: :concurrently
    add_foreign_key :refunds, :orders, validate: false
  end
end
