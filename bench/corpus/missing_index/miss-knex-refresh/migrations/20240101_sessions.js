exports.up = async function up(knex) {
  await knex.schema.createTable('sessions', (t) => {
    t.increments('id');
    t.integer('user_id').notNullable().index();
    t.string('refresh_token').notNullable();
    t.string('handle').notNullable().unique();
    t.timestamp('expires_at');
  });
};
