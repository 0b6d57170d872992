// bastion-fixture: migrations/20240601090000-orders.js
module.exports = {
  async up(queryInterface, Sequelize) {
// expect: index-build-blocking
    await queryInterface.addIndex("orders", ["ref"]);
  },
  async down(queryInterface) {},
};
