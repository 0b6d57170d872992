ActiveRecord::Schema[7.1].define(version: 2024_02_01_000000) do
  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.string "confirmation_token"
    t.datetime "created_at", null: false
    t.index ["email"], name: "index_users_on_email", unique: true
  end

  create_table "events", force: :cascade do |t|
    t.bigint "account_id", null: false
    t.string "name", null: false
    t.datetime "occurred_at", null: false
    t.datetime "created_at", null: false
    t.index ["account_id", "created_at"], name: "index_events_on_account_id_and_created_at"
  end
end
