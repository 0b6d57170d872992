# bastion-fixture: app/controllers/notes_controller.rb
# The note's name goes into the page as markup, unescaped.
class NotesController < ApplicationController
  def preview
    name = params[:name]
# expect: reflected-xss
    render html: "<h1>#{name}</h1>".html_safe
  end
end
