class AddIndexesToCoreModels < ActiveRecord::Migration[7.2]
  def change
    add_index :accounts, :status
    add_index :accounts, [:family_id, :status]
    add_index :accounts, :currency
  end
end
