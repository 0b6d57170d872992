# bastion-fixture: app/models/user.rb
# bastion-repo: schema.repo.rb
class User < ApplicationRecord
  def self.signed_up_on(day)
# expect: function-predicate-without-index
    where("date(created_at) = ?", day).order(:id)
  end
end
