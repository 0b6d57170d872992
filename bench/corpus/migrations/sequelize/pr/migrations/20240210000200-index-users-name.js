'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addColumn('users', 'locale', { type: Sequelize.STRING(8) }, { transaction });
      await queryInterface.addIndex('users', ['name'], { concurrently: true, transaction });
    });
  },

  async down(queryInterface) {
    await queryInterface.removeIndex('users', ['name']);
    await queryInterface.removeColumn('users', 'locale');
  },
};
