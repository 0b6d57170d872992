ActiveRecord::Schema.define(version: 20170522144135) do
  create_table "stories", force: :cascade do |t|
    t.datetime "created_at"
    t.integer  "user_id",                limit: 4
    t.string   "url",                    limit: 250,                                default: ""
    t.string   "title",                  limit: 150,                                default: "",    null: false
    t.text     "description",            limit: 16777215
    t.string   "short_id",               limit: 6,                                  default: "",    null: false
    t.boolean  "is_expired",                                                        default: false, null: false
    t.integer  "upvotes",                limit: 4,                                  default: 0,     null: false
    t.integer  "downvotes",              limit: 4,                                  default: 0,     null: false
    t.boolean  "is_moderated",                                                      default: false, null: false
    t.decimal  "hotness",                                 precision: 20, scale: 10, default: 0.0,   null: false
    t.text     "markeddown_description", limit: 16777215
    t.text     "story_cache",            limit: 16777215
    t.integer  "comments_count",         limit: 4,                                  default: 0,     null: false
    t.integer  "merged_story_id",        limit: 4
    t.datetime "unavailable_at"
    t.string   "twitter_id",             limit: 20
    t.boolean  "user_is_author",                                                    default: false
  end

  add_index "stories", ["created_at"], name: "index_stories_on_created_at", using: :btree
  add_index "stories", ["hotness"], name: "hotness_idx", using: :btree
  add_index "stories", ["is_expired", "is_moderated"], name: "is_idxes", using: :btree
  add_index "stories", ["is_expired"], name: "index_stories_on_is_expired", using: :btree
  add_index "stories", ["is_moderated"], name: "index_stories_on_is_moderated", using: :btree
  add_index "stories", ["merged_story_id"], name: "index_stories_on_merged_story_id", using: :btree
  add_index "stories", ["short_id"], name: "unique_short_id", unique: true, using: :btree
  add_index "stories", ["twitter_id"], name: "index_stories_on_twitter_id", using: :btree
  add_index "stories", ["url"], name: "url", length: {"url"=>191}, using: :btree
end
