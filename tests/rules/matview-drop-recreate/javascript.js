// bastion-fixture: migrations/20240601000000-daily-totals.js
module.exports = {
  async up(queryInterface) {
// expect: matview-drop-recreate
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "DailyTotals"`);
    await queryInterface.sequelize.query(`
      CREATE MATERIALIZED VIEW "DailyTotals" AS (
        SELECT date_trunc('day', "createdAt") AS day, sum(amount) AS total
        FROM "Transactions" GROUP BY 1
      )
    `);
  },
};
