# bastion-fixture: app/models/user.rb
class User < ApplicationRecord
  def self.recent
# expect: select-star
    find_by_sql("SELECT * FROM users ORDER BY created_at DESC")
  end
end
