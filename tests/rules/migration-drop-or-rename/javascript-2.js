// bastion-fixture: migrations/20240601090000-orders.js
module.exports = {
  async up(queryInterface, Sequelize) {
// expect: migration-drop-or-rename
    await queryInterface.removeColumn("orders", "legacy_ref");
  },
  async down(queryInterface) {},
};
