# bastion-fixture: app/services/seal.rb
# ok: weak-cipher
cipher = OpenSSL::Cipher.new('aes-256-gcm')
