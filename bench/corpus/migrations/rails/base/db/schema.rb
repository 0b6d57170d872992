ActiveRecord::Schema[7.1].define(version: 2024_01_10_090000) do
  enable_extension "plpgsql"
  enable_extension "pgcrypto"

  create_table "users", force: :cascade do |t|
    t.string "email", null: false
    t.string "name"
    t.string "username"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["email"], name: "index_users_on_email"
  end

  create_table "posts", force: :cascade do |t|
    t.bigint "user_id", null: false
    t.string "title", null: false
    t.text "body"
    t.string "legacy_slug"
    t.text "legacy_body"
    t.datetime "published_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["user_id"], name: "index_posts_on_user_id"
  end

  create_table "comments", force: :cascade do |t|
    t.bigint "post_id", null: false
    t.bigint "user_id", null: false
    t.text "body", null: false
    t.datetime "created_at", null: false
    t.index ["post_id"], name: "index_comments_on_post_id"
  end

  create_table "orders", force: :cascade do |t|
    t.bigint "user_id", null: false
    t.string "state", null: false
    t.integer "total"
    t.datetime "created_at", null: false
    t.index ["user_id"], name: "index_orders_on_user_id"
  end

  create_table "line_items", force: :cascade do |t|
    t.bigint "order_id", null: false
    t.integer "quantity", null: false
    t.index ["order_id"], name: "index_line_items_on_order_id"
  end

  create_table "attachments", force: :cascade do |t|
    t.bigint "post_id", null: false
    t.string "url", null: false
  end

  create_table "legacy_imports", force: :cascade do |t|
    t.string "filename"
    t.datetime "created_at", null: false
  end

  add_foreign_key "posts", "users"
  add_foreign_key "orders", "users"
end
