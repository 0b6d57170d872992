class AddCreatedAtIndexToNoteComments < ActiveRecord::Migration
  # The comments feed sorts on this column.
  def change
    add_index(:note_comments, [:created_at])
  end
end
