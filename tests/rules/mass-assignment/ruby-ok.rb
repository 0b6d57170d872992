# bastion-fixture: app/controllers/users_controller.rb
# ok: mass-assignment
class UsersController < ApplicationController
  def update
    @user.update(params.require(:user).permit(:name, :email))
  end

  def index
    @next = url_for(params.to_unsafe_h.merge(page: 2))
  end
end
