# bastion-fixture: app/models/project.rb
# bastion-changed: migration.repo.rb
# ok: query-on-unindexed-column
# The row is found by its primary key; the new column only guards the update.
class Project < ApplicationRecord
  has_many :tasks

  def self.archive!(project_id)
    Project.where(id: project_id, archived_at: nil).update_all(archived_at: Time.current)
  end
end
