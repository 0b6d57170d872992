# bastion-fixture: app/models/customer.rb
# bastion-changed: trigram.repo.rb
# The change's trigram index covers `email`, not `name` (nor does its `name:` option).
class Customer < ApplicationRecord
  def self.name_search(query)
# expect: like-leading-wildcard
    where("customers.name ILIKE ?", "%#{query}%")
  end
end
