# bastion-fixture: db/migrate/20240702101500_add_archived_at_to_projects.rb
class AddArchivedAtToProjects < ActiveRecord::Migration[7.1]
  def change
    add_column :projects, :archived_at, :datetime
  end
end
