ActiveRecord::Schema.define(version: 2020_12_01_000000) do
  create_table "versions", id: :serial, force: :cascade do |t|
    t.integer "rubygem_id"
    t.string "number"
    t.string "platform"
    t.string "full_name"
    t.datetime "created_at"
    t.index "lower((full_name)::text)", name: "versions_lower_full_name_idx"
    t.index ["full_name"], name: "versions_full_name_idx"
    t.index ["rubygem_id"], name: "versions_rubygem_idx"
    t.index ["rubygem_id", "number", "platform"], name: "versions_gem_number_platform_key", unique: true
  end
end
