'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('coupons', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      code: { type: Sequelize.STRING, allowNull: false },
      campaign_id: { type: Sequelize.INTEGER, allowNull: false },
      expires_at: { type: Sequelize.DATE },
    });
    await queryInterface.addIndex('coupons', ['campaign_id']);
  },
};
