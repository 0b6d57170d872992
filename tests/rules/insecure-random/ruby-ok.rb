# bastion-fixture: app/models/invite.rb
# ok: insecure-random
class Invite < ApplicationRecord
  def generate_token
    self.token = SecureRandom.urlsafe_base64(24)
  end

  def featured
    Invite.all.sample
  end
end
