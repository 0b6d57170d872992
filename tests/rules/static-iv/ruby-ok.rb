# bastion-fixture: app/services/vault.rb
# ok: static-iv
class Vault
  def seal(data, key)
    cipher = OpenSSL::Cipher.new("aes-256-cbc").encrypt
    cipher.key = key
    iv = cipher.random_iv
    cipher.iv = iv
    iv + cipher.update(data) + cipher.final
  end
end
