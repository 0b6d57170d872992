# bastion-fixture: app/services/billing_client.rb
# ok: tls-verification-disabled
http.verify_mode = OpenSSL::SSL::VERIFY_PEER
HTTParty.get("https://billing.internal/status", timeout: 5)
token = JWT.encode(payload, key, "HS256", verify: false)
