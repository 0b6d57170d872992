ActiveRecord::Schema.define(version: 2017_05_01_000000) do
  create_table "stories", force: :cascade do |t|
    t.string "short_id", null: false
    t.integer "user_id"
    t.string "title", null: false
    t.datetime "created_at"
    t.boolean "is_expired", null: false
  end

  add_index "stories", ["short_id"], name: "stories_short_id_key", unique: true
  add_index "stories", ["created_at"], name: "stories_created_at_idx"
  add_index "stories", ["is_expired"], name: "stories_is_expired_idx"
end
