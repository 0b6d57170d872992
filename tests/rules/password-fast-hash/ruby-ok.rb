# bastion-fixture: app/models/user.rb
# ok: password-fast-hash
class User
  has_secure_password
  def key = Digest::SHA256.hexdigest(email)
end
