'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('projects', ['owner_id']);
  },

  async down(queryInterface) {
    await queryInterface.removeIndex('projects', ['owner_id']);
  },
};
