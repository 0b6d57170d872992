# bastion-fixture: app/models/product.rb
# ok: like-leading-wildcard
class Product < ApplicationRecord
  scope :search, ->(q) { where("name LIKE ?", "#{sanitize_sql_like(q)}%") }
end
