# bastion-fixture: app/models/legacy_password.rb
require "openssl"

class LegacyPassword
  def self.digest(password)
# expect: static-salt
    OpenSSL::PKCS5.pbkdf2_hmac(password, "ledgerly-salt", 100_000, 32, OpenSSL::Digest.new("SHA256"))
  end
end
