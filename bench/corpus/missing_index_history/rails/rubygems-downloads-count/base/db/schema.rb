ActiveRecord::Schema.define(version: 2021_01_20_000000) do
  create_table "gem_downloads", id: :serial, force: :cascade do |t|
    t.integer "rubygem_id", null: false
    t.integer "version_id", null: false
    t.bigint "count"
    t.index ["rubygem_id", "version_id"], name: "gem_downloads_gem_version_key", unique: true
    t.index ["version_id", "rubygem_id", "count"], name: "gem_downloads_version_gem_count_idx"
  end
end
