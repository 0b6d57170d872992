// bastion-fixture: migrations/20240601090000-index-users-name.js
// ok: concurrent-index-in-transaction
'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('users', ['name'], { concurrently: true });
  },
};
