exports.up = function up(knex) {
  return knex.schema.alterTable('orders', (t) => {
    t.index(['status'], 'orders_status_idx');
  });
};

exports.down = function down(knex) {
  return knex.schema.alterTable('orders', (t) => {
    t.dropIndex(['status'], 'orders_status_idx');
  });
};
