# bastion-fixture: app/controllers/convert_controller.rb
# ok: command-injection
class ConvertController < ApplicationController
  def create
    system("convert", File.basename(params[:name]), "out.png")
    system("make clean")
  end
end
