# bastion-fixture: app/models/user.rb
# bastion-repo: schema.repo.rb
# ok: function-predicate-without-index
class User < ApplicationRecord
  def self.signed_up_on(day)
    where(created_at: day.beginning_of_day...day.next_day.beginning_of_day).order(:id)
  end
end
