# bastion-fixture: db/schema.rb
ActiveRecord::Schema[7.1].define(version: 2024_04_18_083000) do
  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.string "name"
    t.datetime "last_seen_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["email"], name: "index_users_on_email", unique: true
    t.index ["created_at"], name: "index_users_on_created_at"
  end
end
