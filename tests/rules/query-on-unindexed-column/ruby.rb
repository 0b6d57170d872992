# bastion-fixture: app/models/order.rb
# bastion-repo: schema.repo.rb
class Order < ApplicationRecord
  belongs_to :customer

  def self.awaiting_payment
# expect: query-on-unindexed-column
    where(status: "pending").order(:created_at)
  end
end
