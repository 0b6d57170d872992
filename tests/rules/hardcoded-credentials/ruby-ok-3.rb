# bastion-fixture: app/services/webhooks.rb
# ok: hardcoded-credentials
class Webhooks
  API_TOKEN = ENV.fetch("WEBHOOK_API_TOKEN")
  TOKEN_HEADER = "X_WEBHOOK_TOKEN"
end
