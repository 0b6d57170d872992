# bastion-fixture: app/controllers/users_controller.rb
class UsersController < ApplicationController
  def update
# expect: mass-assignment
    @user.update(params.require(:user).permit!)
  end
end
