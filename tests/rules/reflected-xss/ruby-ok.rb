# bastion-fixture: app/controllers/search_controller.rb
# ok: reflected-xss
class SearchController < ApplicationController
  def show
    @title = "<b>Search</b>".html_safe
  end
end
