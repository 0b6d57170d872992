# bastion-fixture: app/controllers/visit_notes_controller.rb
# ok: open-redirect
class VisitNotesController < ApplicationController
  def destroy
    note = VisitNote.find(params[:id])
    authorize note
    note.destroy
    # Back to the list the user deleted it from.
    redirect_to request.referer
  end

  def refresh
    redirect_to request.path + "?" + params.permit(:page).to_query
  end
end
