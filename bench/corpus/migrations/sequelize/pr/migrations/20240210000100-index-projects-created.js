'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('projects', ['createdAt'], { concurrently: true });
  },

  async down(queryInterface) {
    await queryInterface.removeIndex('projects', ['createdAt']);
  },
};
