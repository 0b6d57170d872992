// bastion-fixture: migrations/20240601000000-daily-totals.ts
// ok: matview-drop-recreate
'use strict';

import type { QueryInterface } from 'sequelize';

module.exports = {
  async up(queryInterface: QueryInterface) {
    await queryInterface.sequelize.query(`DROP MATERIALIZED VIEW IF EXISTS "StaleTotals"`);
    await queryInterface.sequelize.query(`
      CREATE MATERIALIZED VIEW "DailyTotals" AS (SELECT 1 AS day)
    `);
  },
};
