# bastion-fixture: app/controllers/preview_controller.rb
# ok: ssrf
class PreviewController < ApplicationController
  def show
    body = Net::HTTP.get(URI("https://api.example.com/#{params[:id]}"))
  end
end
