ActiveRecord::Schema.define(version: 2018_10_01_000000) do
  create_table "web_hooks", id: :serial, force: :cascade do |t|
    t.integer "user_id"
    t.integer "rubygem_id"
    t.string "url"
    t.integer "failure_count", default: 0
  end
end
