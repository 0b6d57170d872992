# bastion-fixture: app/models/order.rb
# bastion-repo: schema.repo.rb
# ok: query-on-unindexed-column
# A `rubocop -a` pass (the version before is ruby-ok-3.base.rb): hash rockets, quotes and
# a multi-line lambda rewritten, no query added; the index they lack is not this change's.
class Order < ApplicationRecord
  belongs_to :customer

  scope :refunded_between, lambda { |from, to|
    where(refunded_at: from..to).order("refunded_at DESC")
  }

  def self.over(amount)
    where("total >= ?", amount)
  end
end
