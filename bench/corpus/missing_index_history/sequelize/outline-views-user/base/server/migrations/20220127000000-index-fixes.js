module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn("views", "lastEditingAt", { type: Sequelize.DATE, allowNull: true });
    await queryInterface.addIndex("views", ["lastEditingAt"], { name: "views_last_editing_at" });
    await queryInterface.addIndex("documents", ["collectionId"], { name: "documents_collection_id" });
  },
  down: async (queryInterface) => {
    await queryInterface.removeIndex("documents", "documents_collection_id");
    await queryInterface.removeIndex("views", "views_last_editing_at");
    await queryInterface.removeColumn("views", "lastEditingAt");
  },
};
