# bastion-fixture: app/models/customer.rb
# bastion-changed: trigram.repo.rb
# ok: like-leading-wildcard
# The same change adds a pg_trgm GIN index on `customers.email`, which serves the search.
class Customer < ApplicationRecord
  def self.email_search(query)
    where("customers.email ILIKE ?", "%#{query}%")
  end
end
