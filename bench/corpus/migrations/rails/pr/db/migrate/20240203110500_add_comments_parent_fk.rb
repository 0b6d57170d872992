class AddCommentsParentFk < ActiveRecord::Migration[7.1]
  def change
    add_foreign_key :comments, :comments, column: :parent_id, validate: false
  end
end
