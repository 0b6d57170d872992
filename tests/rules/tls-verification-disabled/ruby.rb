# bastion-fixture: app/services/billing_client.rb
class BillingClient
  def get(uri)
    Net::HTTP.start(uri.host, uri.port, use_ssl: true,
# expect: tls-verification-disabled
                    verify_mode: OpenSSL::SSL::VERIFY_NONE) { |h| h.get(uri) }
  end

  def status
# expect: tls-verification-disabled
    HTTParty.get("https://billing.internal/status", verify: false)
  end
end
