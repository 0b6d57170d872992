# bastion-fixture: app/models/order.rb
# bastion-repo: schema.repo.rb
# ok: query-on-unindexed-column
class Order < ApplicationRecord
  belongs_to :customer

  def self.for_receipt(address)
    where(email: address.downcase).order(created_at: :desc)
  end
end
