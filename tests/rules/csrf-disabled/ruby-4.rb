# bastion-fixture: app/controllers/application_controller.rb
class ApplicationController < ActionController::Base
  protect_from_forgery
  # An `||` lets the skip run in production too.
# expect: csrf-disabled
  skip_before_action :verify_authenticity_token if Rails.env.development? || ENV["NO_CSRF"]
end
