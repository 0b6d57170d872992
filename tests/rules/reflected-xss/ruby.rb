# bastion-fixture: app/controllers/search_controller.rb
class SearchController < ApplicationController
  def show
# expect: reflected-xss
    @title = "<b>#{params[:q]}</b>".html_safe
# expect: reflected-xss
    render html: params[:body]
  end
end
