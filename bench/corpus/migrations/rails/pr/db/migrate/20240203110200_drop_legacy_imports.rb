class DropLegacyImports < ActiveRecord::Migration[7.1]
  def up
    drop_table :legacy_imports
  end

  def down
    create_table :legacy_imports do |t|
      t.string :filename
      t.datetime :created_at, null: false
    end
  end
end
