# bastion-fixture: app/models/api_key.rb
# ok: weak-hash
class ApiKey
  def self.digest(raw)
    Digest::SHA256.hexdigest(raw)
  end

  def cache_key_for(params)
    Digest::MD5.hexdigest(params.to_json)
  end
end
