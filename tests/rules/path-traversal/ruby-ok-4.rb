# bastion-fixture: app/controllers/imports_controller.rb
# ok: path-traversal
class ImportsController < ApplicationController
  def create
    upload = params[:archive]
    archive = File.new(upload.open, "rb")
    reader = Gem::Package::TarReader.new(archive)
    render json: { entries: reader.count }
  end
end
