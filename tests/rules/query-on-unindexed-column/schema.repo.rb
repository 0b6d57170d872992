# bastion-fixture: db/schema.rb
ActiveRecord::Schema[7.1].define(version: 2024_05_02_101500) do
  enable_extension "plpgsql"

  create_table "orders", force: :cascade do |t|
    t.bigint "customer_id", null: false
    t.string "status", null: false
    t.string "email", null: false
    t.decimal "total", precision: 10, scale: 2
    t.datetime "refunded_at"
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["customer_id"], name: "index_orders_on_customer_id"
    t.index ["email"], name: "index_orders_on_email"
  end
end
