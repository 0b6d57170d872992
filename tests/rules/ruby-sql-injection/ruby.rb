# bastion-fixture: app/models/user.rb
class User < ApplicationRecord
  def self.search(q, sort)
# expect: ruby-sql-injection
    where("name LIKE '%#{q}%'").order("#{sort} DESC")
# expect: ruby-sql-injection
    find_by_sql("SELECT * FROM users WHERE id = " + q)
  end
end
