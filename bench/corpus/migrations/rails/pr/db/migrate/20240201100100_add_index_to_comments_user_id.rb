class AddIndexToCommentsUserId < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_index :comments, :user_id, algorithm: :concurrently
  end
end
