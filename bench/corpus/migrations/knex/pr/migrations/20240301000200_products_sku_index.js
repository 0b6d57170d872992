exports.up = function up(knex) {
  return knex.raw('CREATE INDEX CONCURRENTLY products_sku_idx ON products (sku)');
};

exports.down = function down(knex) {
  return knex.raw('DROP INDEX products_sku_idx');
};
