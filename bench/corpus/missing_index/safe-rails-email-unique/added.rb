class PasswordResetsController < ApplicationController
  def create
    user = User.find_by(email: params[:email])
    UserMailer.reset(user).deliver_later if user
  end
end
