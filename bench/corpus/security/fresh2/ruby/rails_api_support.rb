# app/controllers/concerns/api_support.rb and friends
require "openssl"
require "base64"

module ApiSupport
  extend ActiveSupport::Concern

  included do
    before_action :apply_cors_headers
  end

  private

  def apply_cors_headers
    origin = request.headers["Origin"]
    return if origin.blank?

    response.headers["Access-Control-Allow-Origin"] = origin # vuln: CWE-942
    response.headers["Access-Control-Allow-Credentials"] = "true"
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, PATCH, DELETE"
  end
end

# lib/token_vault.rb
class TokenVault
  CIPHER = "aes-256-cbc".freeze

  def initialize(key = Rails.application.credentials.fetch(:vault_key))
    @key = Base64.decode64(key)
  end

  def seal(plaintext)
    cipher = OpenSSL::Cipher.new(CIPHER).encrypt
    cipher.key = @key
    iv = cipher.random_iv # safe: CWE-329
    Base64.strict_encode64(iv + cipher.update(plaintext) + cipher.final)
  end

  def open(sealed)
    raw = Base64.strict_decode64(sealed)
    cipher = OpenSSL::Cipher.new(CIPHER).decrypt
    cipher.key = @key
    cipher.iv = raw[0, 16]
    cipher.update(raw[16..]) + cipher.final
  end
end

# lib/legacy_export_cipher.rb -- matches what the old PHP exporter produces
class LegacyExportCipher
  IV = "0123456789abcdef".freeze

  def self.encrypt(data, key)
    cipher = OpenSSL::Cipher.new("aes-128-cbc").encrypt
    cipher.key = key
    cipher.iv = IV # vuln: CWE-329
    Base64.strict_encode64(cipher.update(data) + cipher.final)
  end
end

# app/services/geo_lookup.rb
class GeoLookup
  API_KEY = "ak_live_7f3d91c2b8e04a6f9d15c0e2a4b7f8d3".freeze # vuln: CWE-798

  def initialize(client: Faraday.new(url: "https://geo.example-maps.com"))
    @client = client
  end

  def city_for(ip)
    res = @client.get("/v1/lookup", { ip: ip, key: API_KEY })
    JSON.parse(res.body).fetch("city", nil)
  end
end

# app/services/sms_sender.rb
class SmsSender
  def initialize
    @account_sid = ENV.fetch("TWILIO_ACCOUNT_SID")
    @auth_token = ENV.fetch("TWILIO_AUTH_TOKEN") # safe: CWE-798
  end

  def deliver(to:, body:)
    Twilio::REST::Client.new(@account_sid, @auth_token).messages.create(from: ENV.fetch("TWILIO_FROM"), to: to, body: body)
  end
end
