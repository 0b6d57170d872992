class RenameUserName < ActiveRecord::Migration[7.1]
  def change
    rename_column :users, :name, :full_name
    remove_column :posts, :legacy_slug, :string
  end
end
