class RemovePostsLegacyBody < ActiveRecord::Migration[7.1]
  def change
    remove_column :posts, :legacy_body, :text
  end
end
