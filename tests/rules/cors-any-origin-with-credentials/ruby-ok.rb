# bastion-fixture: app/controllers/application_controller.rb
# ok: cors-any-origin-with-credentials
# The caller's origin is sent back only when it is one of the partner sites.
class ApplicationController < ActionController::Base
  PARTNER_ORIGINS = %w[https://shop.partner-one.com https://store.partner-two.de].freeze

  before_action :cors_headers

  private

  def cors_headers
    origin = request.headers['Origin']
    return unless PARTNER_ORIGINS.include?(origin)

    response.headers['Access-Control-Allow-Origin'] = origin
    response.headers['Access-Control-Allow-Credentials'] = 'true'
    response.headers['Vary'] = 'Origin'
  end
end
