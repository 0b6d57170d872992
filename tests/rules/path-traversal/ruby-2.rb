# bastion-fixture: app/controllers/pages_controller.rb
class PagesController < ApplicationController
  def show
# expect: path-traversal
    render params[:page]
  end
end
