# bastion-fixture: app/services/webhook_client.rb
# ok: hardcoded-credentials
class WebhookClient
  API_TOKEN = ENV.fetch("WEBHOOK_API_TOKEN")
  TOKEN_PARAM = "access_token"
  SECRET_HEADER = "X-Hub-Signature"

  def db
    Mysql2::Client.new(host: "db", username: "app", password: ENV["DB_PASSWORD"])
  end
end
