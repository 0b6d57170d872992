class AddAttachmentsPostFk < ActiveRecord::Migration[7.1]
  def change
    add_foreign_key :attachments, :posts, validate: false
  end
end
