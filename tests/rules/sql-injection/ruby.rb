# bastion-fixture: app/models/user.rb
class User < ApplicationRecord
  def self.search(params)
# expect: sql-injection
    where("name LIKE '%#{params[:q]}%'").order("#{params[:sort]} DESC")
# expect: sql-injection
    find_by_sql("SELECT * FROM users WHERE id = " + params[:id])
  end
end
