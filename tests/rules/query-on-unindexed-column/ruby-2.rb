# bastion-fixture: app/models/project.rb
# bastion-changed: migration.repo.rb
class Project < ApplicationRecord
  has_many :tasks

  def self.recently_archived
# expect: query-on-unindexed-column
    Project.where.not(archived_at: nil).order(archived_at: :desc).limit(20)
  end
end
