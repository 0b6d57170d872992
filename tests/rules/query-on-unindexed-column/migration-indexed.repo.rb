# bastion-fixture: db/migrate/20240702101500_add_archived_at_to_projects.rb
class AddArchivedAtToProjects < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_column :projects, :archived_at, :datetime
    add_index :projects, :archived_at, algorithm: :concurrently
  end
end
