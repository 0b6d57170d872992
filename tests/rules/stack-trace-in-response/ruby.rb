# bastion-fixture: app/controllers/api/base_controller.rb
module Api
  class BaseController < ActionController::API
    rescue_from StandardError do |e|
      Rails.logger.error(e.full_message)
# expect: stack-trace-in-response
      render json: { error: e.message, backtrace: e.backtrace }, status: :internal_server_error
    end
  end
end
