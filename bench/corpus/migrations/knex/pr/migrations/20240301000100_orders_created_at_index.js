exports.config = { transaction: false };

exports.up = function up(knex) {
  return knex.raw('CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at)');
};

exports.down = function down(knex) {
  return knex.raw('DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx');
};
