class AddIndexToPostsPublishedAt < ActiveRecord::Migration[7.1]
  def change
    add_index :posts, :published_at
  end
end
