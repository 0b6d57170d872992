# bastion-fixture: db/migrate/20240601090000_create_events.rb
# ok: pg-prefer-jsonb
class CreateEvents < ActiveRecord::Migration[7.1]
  def change
    create_table :events do |t|
      t.jsonb :payload
    end
    add_column :orders, :extra, :jsonb, default: {}
  end
end
