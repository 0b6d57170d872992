# bastion-fixture: app/controllers/tiles_controller.rb
# ok: open-redirect
class TilesController < ApplicationController
  # The host is written out before the first input: every value after it, however
  # many, lands in the query string of that host.
  def render_image
    area = params[:area]
    zoom = params[:zoom]
    style = params[:style]
    redirect_to "https://tiles.example.net/render?area=#{area}&zoom=#{zoom}&style=#{style}", :allow_other_host => true
  end
end
