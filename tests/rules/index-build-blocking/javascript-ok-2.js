// bastion-fixture: migrations/20240601090000-orders.js
// ok: index-build-blocking
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex("orders", ["ref"], { concurrently: true });
  },
  async down(queryInterface) {},
};
