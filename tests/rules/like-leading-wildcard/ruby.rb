# bastion-fixture: app/models/product.rb
class Product < ApplicationRecord
# expect: like-leading-wildcard
  scope :search, ->(q) { where("name ILIKE ?", "%#{q}%") }
end
