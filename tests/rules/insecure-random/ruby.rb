# bastion-fixture: app/models/invite.rb
class Invite < ApplicationRecord
  def generate_token
# expect: insecure-random
    self.token = rand(36**24).to_s(36)
  end
end
