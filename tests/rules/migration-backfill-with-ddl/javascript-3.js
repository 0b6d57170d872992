// bastion-fixture: db/migrations/20240716110000_add_locale_to_users.js
exports.up = function (knex) {
  return knex.schema
    .table("users", function (t) {
      t.string("locale", 8);
    })
    .then(function () {
// expect: migration-backfill-with-ddl
      return knex("users").whereNull("locale").update({ locale: "en" });
    });
};

exports.down = function (knex) {
  return knex.schema.table("users", function (t) {
    t.dropColumn("locale");
  });
};
