// bastion-fixture: migrations/20240601000000-daily-totals.ts
'use strict';

import type { QueryInterface } from 'sequelize';

module.exports = {
  async up(queryInterface: QueryInterface) {
// expect: matview-drop-recreate
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW "DailyTotals"`);
    await queryInterface.sequelize.query(`
      CREATE MATERIALIZED VIEW "DailyTotals" AS (SELECT 1 AS day)
    `);
  },
};
