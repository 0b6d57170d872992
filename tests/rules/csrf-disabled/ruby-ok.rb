# bastion-fixture: app/controllers/profiles_controller.rb
# ok: csrf-disabled
class ProfilesController < ApplicationController
  protect_from_forgery with: :exception
  skip_before_action :require_admin

  def update
    current_user.update!(params.require(:profile).permit(:email))
  end
end
