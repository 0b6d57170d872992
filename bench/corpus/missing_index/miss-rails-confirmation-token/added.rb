class ConfirmationsController < ApplicationController
  def show
    user = User.find_by(confirmation_token: params[:token])
    head :not_found unless user
  end
end
