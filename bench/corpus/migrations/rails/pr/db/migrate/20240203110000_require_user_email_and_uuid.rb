class RequireUserEmailAndUuid < ActiveRecord::Migration[7.1]
  def change
    change_column_null :users, :username, false
    add_column :users, :public_id, :uuid, default: -> { "gen_random_uuid()" }, null: false
    add_column :users, :active, :boolean, default: true, null: false
    add_column :users, :bio, :text
  end
end
