# bastion-fixture: app/models/legacy_password.rb
# ok: static-salt
require "openssl"

class LegacyPassword
  def self.digest(password, salt)
    OpenSSL::PKCS5.pbkdf2_hmac(password, salt, 600_000, 32, OpenSSL::Digest.new("SHA256"))
  end
end
