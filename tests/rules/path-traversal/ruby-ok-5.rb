# bastion-fixture: app/controllers/exports_controller.rb
# ok: path-traversal
class ExportsController < ApplicationController
  EXPORTS = Rails.root.join("exports")

  def show
    target = File.expand_path(File.join(EXPORTS, params[:name]))
    raise ActionController::BadRequest, "outside the exports" unless Storage.inside?(target, EXPORTS)

    send_file target
  end
end
