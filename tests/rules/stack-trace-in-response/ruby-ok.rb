# bastion-fixture: app/controllers/api/base_controller.rb
# ok: stack-trace-in-response
module Api
  class BaseController < ActionController::API
    rescue_from StandardError do |e|
      Rails.logger.error(e.backtrace.join("\n"))
      render json: { error: "internal error", request_id: request.request_id }, status: :internal_server_error
    end
  end
end
