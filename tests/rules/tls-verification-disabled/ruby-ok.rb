# bastion-fixture: app/services/billing_client.rb
# ok: tls-verification-disabled
http.verify_mode = OpenSSL::SSL::VERIFY_PEER
