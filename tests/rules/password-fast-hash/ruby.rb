# bastion-fixture: app/models/user.rb
class User
  def password=(value)
    self.password_digest = Digest::SHA256.hexdigest(value + password_salt)
# expect: password-fast-hash
    @check = Digest::MD5.hexdigest params[:password]
  end
end
