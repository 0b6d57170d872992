# bastion-fixture: app/controllers/sessions_controller.rb
class SessionsController < ApplicationController
  def finish
    back = params[:back]
    tab = params[:tab]
    # expect: open-redirect
    redirect_to "#{back}?tab=#{tab}", :allow_other_host => true
  end
end
