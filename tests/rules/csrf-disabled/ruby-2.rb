# bastion-fixture: app/controllers/api/v1/base_controller.rb
# Session login stays on next to the header token: a cross-site form rides the session.
class Api::V1::BaseController < ApplicationController
# expect: csrf-disabled
  skip_before_action :verify_authenticity_token
  before_action :authenticate_token!

  private

  def authenticate_token!
    return if current_user
    token = request.headers["Authorization"].to_s.delete_prefix("Bearer ")
    @current_user = ApiToken.active.find_by(digest: ApiToken.digest(token))&.user
    head :unauthorized unless @current_user
  end
end
