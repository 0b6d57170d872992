# bastion-fixture: db/migrate/20240601090000_add_category_to_posts.rb
# ok: index-build-blocking
class AddCategoryToPosts < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_reference :posts, :category, index: { algorithm: :concurrently }
    add_reference :posts, :editor, index: false
    create_table :tags do |t|
      t.string :name
    end
    add_reference :tags, :owner
  end
end
