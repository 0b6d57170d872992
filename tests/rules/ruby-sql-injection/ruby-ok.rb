# bastion-fixture: app/models/user.rb
# ok: ruby-sql-injection
class User < ApplicationRecord
  def self.search(q)
    where("name LIKE ?", "%#{q}%").order(created_at: :desc)
    where(name: q).find_by_sql(['SELECT * FROM users WHERE id = ?', q])
    # where("name = '#{q}'")
  end
end
