class NotesController < ApplicationController
  include UserMethods

  PER_PAGE = 10

  # The notes one user opened, most recently active first.
  def index
    page = [params[:page].to_i, 1].max
    @notes = @user.notes
    @notes = @notes.visible unless current_user&.moderator?
    @notes = @notes.where(:status => params[:status]) if params[:status].present? && params[:status] != "all"
    @notes = @notes.order("updated_at DESC, id").offset((page - 1) * PER_PAGE).limit(PER_PAGE)
  end
end
