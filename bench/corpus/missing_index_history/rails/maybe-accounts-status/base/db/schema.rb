ActiveRecord::Schema[7.2].define(version: 2025_07_01_000000) do
  create_table "accounts", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.uuid "family_id", null: false
    t.string "name"
    t.string "currency"
    t.string "accountable_type"
    t.string "status", default: "active"
    t.datetime "created_at", null: false
    t.index ["family_id"], name: "accounts_family_idx"
    t.index ["family_id", "accountable_type"], name: "accounts_family_kind_idx"
  end
end
