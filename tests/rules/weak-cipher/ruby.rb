# bastion-fixture: app/services/seal.rb
# expect: weak-cipher
cipher = OpenSSL::Cipher.new('aes-256-ecb')
