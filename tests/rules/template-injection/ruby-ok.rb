# bastion-fixture: app/controllers/signatures_controller.rb
# ok: template-injection
class SignaturesController < ApplicationController
  before_action :authenticate_user!

  SIGNATURE = ERB.new(File.read(Rails.root.join("app/views/signatures/preview.html.erb")))

  def preview
    text = ERB::Util.html_escape(params[:signature])
    render html: SIGNATURE.result_with_hash(name: current_user.name, text: text).html_safe
  end
end
