# bastion-fixture: app/controllers/preview_controller.rb
class PreviewController < ApplicationController
  def show
# expect: ssrf
    body = Net::HTTP.get(URI(params[:url]))
# expect: ssrf
    render plain: HTTParty.get(params[:other]).body
  end
end
