# bastion-fixture: app/controllers/signatures_controller.rb
class SignaturesController < ApplicationController
  before_action :authenticate_user!

  # Shows how an e-mail signature will look, with <%= name %> style placeholders.
  def preview
    source = params[:signature]
# expect: template-injection
    template = ERB.new(source)
# expect: template-injection
    render html: template.result_with_hash(name: current_user.name).html_safe
  end
end
