class AddParentToComments < ActiveRecord::Migration[7.1]
  def change
    add_column :comments, :parent_id, :bigint
  end
end
