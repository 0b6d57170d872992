exports.up = async function up(knex) {
  await knex.schema.createTable('customers', (t) => {
    t.increments('id');
    t.string('email').notNullable();
    t.timestamps(true, true);
  });
  await knex.schema.createTable('orders', (t) => {
    t.increments('id');
    t.integer('customer_id').notNullable();
    t.string('status').notNullable();
    t.string('code', 20);
    t.text('memo');
    t.timestamps(true, true);
  });
  await knex.schema.createTable('products', (t) => {
    t.increments('id');
    t.string('sku').notNullable();
    t.string('title').notNullable();
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable('products');
  await knex.schema.dropTable('orders');
  await knex.schema.dropTable('customers');
};
