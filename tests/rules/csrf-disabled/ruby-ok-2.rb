# bastion-fixture: app/controllers/api/v1/base_controller.rb
# ok: csrf-disabled
class Api::V1::BaseController < ApplicationController
  skip_before_action :authenticate_user!
  skip_before_action :verify_authenticity_token
  before_action :authenticate_token!

  private

  def authenticate_token!
    token = request.headers["Authorization"].to_s.delete_prefix("Bearer ")
    @current_user = ApiToken.active.find_by(digest: ApiToken.digest(token))&.user
    head :unauthorized unless @current_user
  end
end
