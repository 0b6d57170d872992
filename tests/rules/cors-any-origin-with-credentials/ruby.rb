# bastion-fixture: app/controllers/application_controller.rb
# Every answer names the caller's own origin as allowed, with cookies.
class ApplicationController < ActionController::Base
  before_action :cors_headers

  private

  def cors_headers
    origin = request.headers['Origin']
    return if origin.blank?

# expect: cors-any-origin-with-credentials
    response.headers['Access-Control-Allow-Origin'] = origin
    response.headers['Access-Control-Allow-Credentials'] = 'true'
    response.headers['Vary'] = 'Origin'
  end
end
