class AddForeignKeys < ActiveRecord::Migration[7.1]
  def change
    add_foreign_key :comments, :posts
    add_foreign_key :line_items, :orders, validate: false
  end
end
