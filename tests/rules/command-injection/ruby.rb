# bastion-fixture: app/controllers/convert_controller.rb
class ConvertController < ApplicationController
  def create
# expect: command-injection
    system("convert #{params[:name]} out.png")
# expect: command-injection
    `rm -f #{params[:name]}`
  end
end
