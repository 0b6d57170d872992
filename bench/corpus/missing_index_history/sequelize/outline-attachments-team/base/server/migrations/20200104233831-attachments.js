module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.createTable("attachments", {
      id: { type: Sequelize.UUID, allowNull: false, primaryKey: true },
      teamId: { type: Sequelize.UUID, allowNull: false, references: { model: "teams" } },
      userId: { type: Sequelize.UUID, allowNull: false, references: { model: "users" } },
      documentId: { type: Sequelize.UUID, allowNull: true, references: { model: "documents" } },
      key: { type: Sequelize.STRING, allowNull: false },
      size: { type: Sequelize.BIGINT, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex("attachments", ["documentId"]);
  },
  down: async (queryInterface) => {
    await queryInterface.dropTable("attachments");
  },
};
