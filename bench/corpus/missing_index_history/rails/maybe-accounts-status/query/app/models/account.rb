class Account < ApplicationRecord

  scope :visible, -> { where(status: [ "draft", "active" ]) }
end
