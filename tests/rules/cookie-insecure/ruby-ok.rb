# bastion-fixture: app/controllers/sessions_controller.rb
# ok: cookie-insecure
class SessionsController < ApplicationController
  def create
    user = User.authenticate(params[:email], params[:password])
    cookies.signed[:remember] = { value: user.id, httponly: true, secure: true }
    render json: { ok: true, cached: false }
  end
end
