class NotesController < ApplicationController

  def feed
    # Get any conditions that need to be applied
    notes = closed_condition(Note.all)

    # Process any bbox
    if params[:bbox]
      bbox = BoundingBox.from_bbox_params(params)

      bbox.check_boundaries
      bbox.check_size(MAX_NOTE_REQUEST_AREA)

      notes = notes.bbox(bbox)
    end

    # Find the comments we want to return
    @comments = NoteComment.where(:note_id => notes).order("created_at DESC").limit(result_limit).preload(:note)

    # Render the result
    respond_to do |format|
      format.rss
    end
  end

  ##
end
