// bastion-fixture: migrations/20240601000000-daily-totals.js
// ok: matview-drop-recreate
module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query(`
      CREATE MATERIALIZED VIEW "DailyTotals" AS (
        SELECT date_trunc('day', "createdAt") AS day, sum(amount) AS total
        FROM "Transactions" GROUP BY 1
      )
    `);
    await queryInterface.sequelize.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY "OtherTotals"`);
  },
};
