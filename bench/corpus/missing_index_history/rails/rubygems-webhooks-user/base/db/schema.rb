ActiveRecord::Schema.define(version: 2018_10_20_173922) do
  create_table "web_hooks", id: :serial, force: :cascade do |t|
    t.integer "user_id"
    t.string "url"
    t.integer "failure_count", default: 0
    t.datetime "created_at"
    t.datetime "updated_at"
    t.integer "rubygem_id"
  end

end
