ActiveRecord::Schema[7.2].define(version: 2025_05_20_000000) do
  create_table "syncs", id: :uuid, default: -> { "gen_random_uuid()" }, force: :cascade do |t|
    t.string "syncable_type", null: false
    t.uuid "syncable_id", null: false
    t.uuid "parent_id"
    t.string "status", default: "pending"
    t.datetime "created_at", null: false
    t.index ["syncable_type", "syncable_id"], name: "syncs_syncable_idx"
    t.index ["parent_id"], name: "syncs_parent_idx"
  end
end
