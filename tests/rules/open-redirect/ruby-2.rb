# bastion-fixture: app/controllers/shares_controller.rb
class SharesController < ApplicationController
  def show
    share = params[:token]
    # The target is what the share service builds for the token.
    # expect: open-redirect
    redirect_to ShareLinks.resolve(share), allow_other_host: true
  end

  def jump
    # expect: open-redirect
    redirect_to URI.join(params[:next].to_s).to_s, allow_other_host: true
  end
end
