class Order < ApplicationRecord
  belongs_to :customer

  def self.refund_window(from, to)
    where(refunded_at: from..to)
  end
end
