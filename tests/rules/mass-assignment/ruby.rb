# bastion-fixture: app/controllers/users_controller.rb
class UsersController < ApplicationController
  def update
# expect: mass-assignment
    @user.update(params.require(:user).permit!)
  end

  def create
# expect: mass-assignment
    @user = User.new(params[:user].to_unsafe_h)
  end
end
