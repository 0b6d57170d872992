# bastion-fixture: db/migrate/20240601090000_create_events.rb
class CreateEvents < ActiveRecord::Migration[7.1]
  def change
    create_table :events do |t|
# expect: pg-prefer-jsonb
      t.json :payload
    end
# expect: pg-prefer-jsonb
    add_column :orders, :extra, :json, default: {}
  end
end
