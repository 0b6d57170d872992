# bastion-fixture: app/controllers/profiles_controller.rb
class ProfilesController < ApplicationController
# expect: csrf-disabled
  skip_before_action :verify_authenticity_token

  def update
    current_user.update!(params.require(:profile).permit(:email))
  end
end
