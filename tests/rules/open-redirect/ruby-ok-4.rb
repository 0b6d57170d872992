# bastion-fixture: app/controllers/integrations_controller.rb
# ok: open-redirect
class IntegrationsController < ApplicationController
  def connect
    provider = Integration.provider!(params[:id]).new
    session[:oauth_state] = SecureRandom.urlsafe_base64(32)
    # The provider's host from its configuration; the request fills the query only.
    redirect_to provider.authorize_redirect(params, session[:oauth_state]), allow_other_host: true
  end

  def image
    url = SignedUrl.decode(params[:url])
    unless SignedUrl.signature_valid?(params[:signature], url)
      head :not_found and return
    end
    redirect_to url, allow_other_host: true
  end
end
