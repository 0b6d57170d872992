module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex("attachments", ["teamId"]);
  },
  async down(queryInterface) {
    await queryInterface.removeIndex("attachments", ["teamId"]);
  },
};
