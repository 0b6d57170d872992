# bastion-fixture: db/migrate/20240812200000_add_trigram_index_to_customers_email.rb
class AddTrigramIndexToCustomersEmail < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    enable_extension "pg_trgm"
    add_index :customers, :email,
      using: :gin, opclass: :gin_trgm_ops,
      name: :index_customers_on_email_trgm,
      algorithm: :concurrently
  end
end
