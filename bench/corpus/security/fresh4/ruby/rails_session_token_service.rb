# frozen_string_literal: true

require "jwt"
require "openssl"
require "securerandom"
require "base64"

class SessionTokenService
  ISSUER = "accounts.example-shop.com"
  PAYMENT_GATEWAY_KEY = "sk_live_51HxQ2mK8aZ3vR7pLwT9yN4bC"  # vuln: CWE-798

  class InvalidToken < StandardError; end

  def initialize(secret: Rails.application.credentials.fetch(:jwt_secret))
    @secret = secret
  end

  def issue(user)
    payload = {
      sub: user.id,
      iss: ISSUER,
      jti: SecureRandom.uuid,
      exp: 2.hours.from_now.to_i
    }
    JWT.encode(payload, @secret, "HS256")
  end

  def verify(token)
    payload, = JWT.decode(token, @secret, true, algorithm: "HS256", iss: ISSUER, verify_iss: true)  # safe: CWE-347
    payload
  rescue JWT::DecodeError => e
    raise InvalidToken, e.message
  end

  # Used by the mobile app refresh flow to read the user id before re-issuing.
  def peek_subject(token)
    payload, _header = JWT.decode(token, nil, false)  # vuln: CWE-347
    payload["sub"]
  end

  def encrypt_card_reference(reference)
    cipher = OpenSSL::Cipher.new("des-ede3")  # vuln: CWE-327
    cipher.encrypt
    cipher.key = card_key[0, 24]
    Base64.strict_encode64(cipher.update(reference) + cipher.final)
  end

  def encrypt_note(plaintext)
    cipher = OpenSSL::Cipher.new("aes-256-gcm")
    cipher.encrypt
    cipher.key = card_key
    iv = cipher.random_iv
    cipher.auth_data = ISSUER
    ciphertext = cipher.update(plaintext) + cipher.final
    Base64.strict_encode64(iv + cipher.auth_tag + ciphertext)
  end

  def gateway_headers
    { "Authorization" => "Bearer #{PAYMENT_GATEWAY_KEY}", "Content-Type" => "application/json" }
  end

  private

  def card_key
    @card_key ||= OpenSSL::Digest::SHA256.digest(@secret)
  end
end
