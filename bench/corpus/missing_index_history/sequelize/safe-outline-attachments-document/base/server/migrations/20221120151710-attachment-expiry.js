module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn("attachments", "expiresAt", { type: Sequelize.DATE, allowNull: true });
    await queryInterface.addIndex("attachments", ["expiresAt"]);
    await queryInterface.addIndex("attachments", ["key"]);
    await queryInterface.addIndex("attachments", ["createdAt"]);
  },
  async down(queryInterface) {
    await queryInterface.removeIndex("attachments", ["createdAt"]);
    await queryInterface.removeIndex("attachments", ["key"]);
    await queryInterface.removeIndex("attachments", ["expiresAt"]);
    await queryInterface.removeColumn("attachments", "expiresAt");
  },
};
