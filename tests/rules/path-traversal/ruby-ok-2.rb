# bastion-fixture: app/controllers/password_resets_controller.rb
# ok: path-traversal
class PasswordResetsController < ApplicationController
  def new
    # A view object built with the address: its fields are data, the template is fixed.
    render PasswordResets::ChallengeView.new(
      email: params[:email],
      site_key: ENV["CHALLENGE_SITE_KEY"]
    ), layout: "form_page"
  end
end
