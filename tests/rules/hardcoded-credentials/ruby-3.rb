# bastion-fixture: app/services/webhooks.rb
class Webhooks
# expect: hardcoded-credentials
  API_TOKEN = "whk_live_9f8e7d6c5b4a3210"
end
