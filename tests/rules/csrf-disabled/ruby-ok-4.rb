# bastion-fixture: app/controllers/legacy_api/base_controller.rb
# An API outside the app's session stack, authenticated by a key header on every request.
module LegacyAPI
  class BaseController < ActionController::Base
    # ok: csrf-disabled
    skip_before_action :verify_authenticity_token
    before_action :authenticate_as_server

    private

    def authenticate_as_server
      key = request.headers["X-Server-API-Key"]
      head :unauthorized if Credential.find_by(key: key).nil?
    end
  end
end
