# bastion-fixture: app/models/api_key.rb
class ApiKey
  def self.digest(raw)
# expect: weak-hash
    Digest::SHA1.hexdigest(raw)
  end
end
