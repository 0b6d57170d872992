# bastion-fixture: app/services/webhook_client.rb
class WebhookClient
# expect: hardcoded-credentials
  API_TOKEN = "whk_live_9f8e7d6c5b4a3210"

  def db
# expect: hardcoded-credentials
    Mysql2::Client.new(host: "db", username: "app", password: "hunter22")
  end
end
