# bastion-fixture: db/migrate/20240501120100_create_invoices.rb
# ok: index-build-blocking
class CreateInvoices < ActiveRecord::Migration[7.1]
  def change
    create_table :invoices do |t|
      t.references :user
      t.timestamps
    end
    add_index :invoices, :created_at
  end
end
