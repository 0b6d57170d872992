# bastion-fixture: app/services/vault.rb
class Vault
  def seal(data, key)
    cipher = OpenSSL::Cipher.new("aes-256-cbc").encrypt
    cipher.key = key
# expect: static-iv
    cipher.iv = "0000000000000000"
    cipher.update(data) + cipher.final
  end
end
