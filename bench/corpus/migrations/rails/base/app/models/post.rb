class Post < ApplicationRecord
  self.ignored_columns += ["legacy_body"]

  belongs_to :user
  has_many :comments, dependent: :destroy
end
