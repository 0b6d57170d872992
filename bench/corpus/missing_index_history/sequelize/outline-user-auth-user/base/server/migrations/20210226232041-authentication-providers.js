module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.createTable("authentication_providers", {
      id: { type: Sequelize.UUID, allowNull: false, primaryKey: true },
      name: { type: Sequelize.STRING, allowNull: false },
      providerId: { type: Sequelize.STRING, unique: true, allowNull: false },
      teamId: { type: Sequelize.UUID, allowNull: false, references: { model: "teams" } },
    });
    await queryInterface.createTable("user_authentications", {
      id: { type: Sequelize.UUID, allowNull: false, primaryKey: true },
      userId: { type: Sequelize.UUID, allowNull: false, references: { model: "users" } },
      authenticationProviderId: {
        type: Sequelize.UUID,
        allowNull: false,
        references: { model: "authentication_providers" },
      },
      providerId: { type: Sequelize.STRING, unique: true, allowNull: false },
      scopes: { type: Sequelize.ARRAY(Sequelize.STRING), allowNull: true },
      createdAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex("authentication_providers", ["providerId"]);
    await queryInterface.addIndex("user_authentications", ["providerId"]);
  },
  down: async (queryInterface) => {
    await queryInterface.dropTable("user_authentications");
    await queryInterface.dropTable("authentication_providers");
  },
};
