// bastion-fixture: migrations/20240601090000-orders.js
module.exports = {
  async up(queryInterface, Sequelize) {
// expect: migration-not-null-column
    await queryInterface.addColumn("orders", "region", { type: Sequelize.STRING, allowNull: false });
  },
  async down(queryInterface) {},
};
