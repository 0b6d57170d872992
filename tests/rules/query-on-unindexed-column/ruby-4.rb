# bastion-fixture: app/models/order.rb
# bastion-repo: schema.repo.rb
# The query was there before (ruby-4.base.rb), but the change puts it under a new
# condition: a logic change, and the query is part of it.
class Order < ApplicationRecord
  belongs_to :customer

  def self.refund_window(from, to)
    if from
# expect: query-on-unindexed-column
      where(refunded_at: from..to)
    end
  end
end
