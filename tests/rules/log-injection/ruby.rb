# bastion-fixture: app/controllers/sessions_controller.rb
class SessionsController < ApplicationController
  def create
# expect: log-injection
    Rails.logger.warn("failed login for #{params[:email]}")
  end
end
