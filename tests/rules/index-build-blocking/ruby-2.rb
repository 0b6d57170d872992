# bastion-fixture: db/migrate/20240601090000_add_category_to_posts.rb
class AddCategoryToPosts < ActiveRecord::Migration[7.1]
  def change
# expect: index-build-blocking
    add_reference :posts, :category, foreign_key: { validate: false }
# expect: index-build-blocking
    add_belongs_to :comments, :author
  end
end
