module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex("user_authentications", ["userId"]);
  },
  async down(queryInterface) {
    await queryInterface.removeIndex("user_authentications", ["userId"]);
  },
};
