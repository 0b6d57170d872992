exports.up = async function up(knex) {
  await knex.schema.alterTable('orders', (t) => {
    t.integer('warehouse_id').notNullable();
    t.foreign('customer_id').references('customers.id');
    t.bigInteger('customer_id').notNullable().alter();
  });
  await knex.schema.alterTable('products', (t) => {
    t.unique(['sku']);
    t.boolean('active').notNullable().defaultTo(true);
    t.text('description');
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable('products', (t) => {
    t.dropColumn('description');
    t.dropColumn('active');
    t.dropUnique(['sku']);
  });
  await knex.schema.alterTable('orders', (t) => {
    t.integer('customer_id').notNullable().alter();
    t.dropForeign('customer_id');
    t.dropColumn('warehouse_id');
  });
};
