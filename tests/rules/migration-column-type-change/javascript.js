// bastion-fixture: migrations/20240601090000-orders.js
module.exports = {
  async up(queryInterface, Sequelize) {
// expect: migration-column-type-change
    await queryInterface.changeColumn("orders", "total", { type: Sequelize.DECIMAL(14, 2) });
  },
  async down(queryInterface) {},
};
