class NotesController < ApplicationController
  # RSS of the latest comments on the notes in view.
  def feed
    in_view = filtered_notes(Note.all)
    @comments = NoteComment.where(:note_id => in_view).order("created_at DESC").limit(page_size).preload(:note)
    respond_to { |format| format.rss }
  end
end
