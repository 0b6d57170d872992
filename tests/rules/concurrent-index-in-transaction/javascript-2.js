// bastion-fixture: migrations/20240601090000-index-users-name.js
'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.transaction(async (transaction) => {
// expect: concurrent-index-in-transaction
      await queryInterface.addIndex('users', ['name'], { concurrently: true, transaction });
    });
  },
};
