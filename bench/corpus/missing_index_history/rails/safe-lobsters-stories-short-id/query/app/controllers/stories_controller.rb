class StoriesController < ApplicationController
  def show
    @story = Story.where(:short_id => params[:id]).first!
  end
end
