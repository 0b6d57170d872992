class CreateSubscriptions < ActiveRecord::Migration[7.1]
  def change
    create_table :subscriptions do |t|
      t.references :user, null: false, foreign_key: true
      t.string :plan, null: false
      t.datetime :renews_at
      t.timestamps
    end
    add_index :subscriptions, :renews_at
    add_index :subscriptions, [:user_id, :plan], unique: true
  end
end
