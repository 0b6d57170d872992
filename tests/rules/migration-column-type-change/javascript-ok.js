// bastion-fixture: migrations/20240601090000-orders.js
// ok: migration-column-type-change
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn("orders", "total_v2", { type: Sequelize.DECIMAL(14, 2) });
  },
  async down(queryInterface) {},
};
