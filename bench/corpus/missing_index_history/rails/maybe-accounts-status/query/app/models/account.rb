class Account < ApplicationRecord
  scope :listed, -> { where(status: ["draft", "active"]) }
end
