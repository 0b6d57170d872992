# bastion-fixture: app/controllers/webhooks_controller.rb
# Under ApplicationController the session login still applies: a key header read here
# does not stop a browser's cookie from authenticating a forged form.
class WebhooksController < ApplicationController
  # expect: csrf-disabled
  skip_before_action :verify_authenticity_token

  def create
    source = request.headers["X-Source-Token"]
    Hook.create!(source: source, body: request.raw_post)
  end
end
