# bastion-fixture: app/controllers/sessions_controller.rb
# ok: log-injection
class SessionsController < ApplicationController
  def create
    Rails.logger.warn("failed login for #{params[:email].inspect}")
    Rails.logger.warn("failed login for user #{params[:id].to_i}")
  end
end
