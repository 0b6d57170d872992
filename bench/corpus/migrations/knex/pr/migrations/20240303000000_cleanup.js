exports.up = async function up(knex) {
  await knex.schema.alterTable('orders', (t) => {
    t.renameColumn('memo', 'internal_note');
    t.dropColumn('code');
  });
  await knex.schema.createTable('order_events', (t) => {
    t.increments('id');
    t.integer('order_id').notNullable().references('orders.id');
    t.string('kind').notNullable();
    t.index(['order_id', 'kind']);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('order_events');
  await knex.schema.alterTable('orders', (t) => {
    t.string('code', 40);
    t.renameColumn('internal_note', 'memo');
  });
};
