# bastion-fixture: app/services/vault.rb
require "openssl"

class Vault
  IV = "0000000000000000"

  def encrypt(key, plain)
    cipher = OpenSSL::Cipher.new("aes-256-cbc").encrypt
    cipher.key = key
# expect: static-iv
    cipher.iv = IV
    cipher.update(plain) + cipher.final
  end

  def encrypt_zero(key, plain)
    cipher = OpenSSL::Cipher.new("aes-256-cbc").encrypt
    cipher.key = key
# expect: static-iv
    cipher.iv = "\0" * 16
    cipher.update(plain) + cipher.final
  end
end
