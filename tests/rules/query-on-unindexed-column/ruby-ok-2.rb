# bastion-fixture: app/models/project.rb
# bastion-changed: migration-indexed.repo.rb
# ok: query-on-unindexed-column
class Project < ApplicationRecord
  has_many :tasks

  def self.recently_archived
    Project.where.not(archived_at: nil).order(archived_at: :desc).limit(20)
  end
end
