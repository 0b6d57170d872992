module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addIndex("views", ["userId"], { name: "views_user_id" });
    await queryInterface.addIndex("views", ["updatedAt"], { name: "views_updated_at" });
  },
  down: async (queryInterface) => {
    await queryInterface.removeIndex("views", "views_updated_at");
    await queryInterface.removeIndex("views", "views_user_id");
  },
};
