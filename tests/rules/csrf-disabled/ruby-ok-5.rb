# bastion-fixture: app/controllers/application_controller.rb
# ok: csrf-disabled
class ApplicationController < ActionController::Base
  protect_from_forgery
  # Working from a cloud IDE in development only; production keeps the check.
  skip_before_action :verify_authenticity_token if Rails.env.development? && ENV["CODESPACE_NAME"]
end
