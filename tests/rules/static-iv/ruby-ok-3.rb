# bastion-fixture: app/services/vault.rb
# ok: static-iv
require "openssl"

class Vault
  def encrypt(key, plain)
    cipher = OpenSSL::Cipher.new("aes-256-cbc").encrypt
    cipher.key = key
    iv = cipher.random_iv
    cipher.iv = iv
    iv + cipher.update(plain) + cipher.final
  end
end
