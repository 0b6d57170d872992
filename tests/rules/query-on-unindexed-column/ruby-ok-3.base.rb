class Order < ApplicationRecord
  belongs_to :customer

  scope :refunded_between, lambda { |from, to|
    where(:refunded_at => from..to).order('refunded_at DESC')
  }

  def self.over(amount)
    where('total >= ?', amount)
  end
end
