# bastion-fixture: app/controllers/sessions_controller.rb
class SessionsController < ApplicationController
  def create
    user = User.authenticate(params[:email], params[:password])
# expect: cookie-insecure
    cookies.signed[:remember] = { value: user.id, httponly: true, secure: false }
    redirect_to root_path
  end
end
