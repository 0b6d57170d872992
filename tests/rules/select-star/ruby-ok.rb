# bastion-fixture: app/models/user.rb
# ok: select-star
class User < ApplicationRecord
  X = "SELECT * FROM users"
end
