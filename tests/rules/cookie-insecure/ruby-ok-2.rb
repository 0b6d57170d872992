# bastion-fixture: app/controllers/application_controller.rb
# ok: cookie-insecure
class ApplicationController < ActionController::Base
  after_action :set_csrf_cookie

  private

  # The SPA sends this token back in X-CSRF-Token; its script has to read the cookie.
  def set_csrf_cookie
    cookies["CSRF-TOKEN"] = { value: form_authenticity_token, httponly: false, same_site: :strict }
  end
end
