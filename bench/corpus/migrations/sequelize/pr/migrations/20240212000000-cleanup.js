'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.renameColumn('users', 'name', 'display_name');
    await queryInterface.removeColumn('projects', 'archived_note');
    await queryInterface.dropTable('invites');
    await queryInterface.renameTable('memberships', 'project_members');
    await queryInterface.addColumn('tasks', 'assignee_id', {
      type: Sequelize.INTEGER,
      references: { model: 'users', key: 'id' },
      onDelete: 'SET NULL',
    });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.removeColumn('tasks', 'assignee_id');
    await queryInterface.renameTable('project_members', 'memberships');
    await queryInterface.createTable('invites', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      token: { type: Sequelize.STRING, allowNull: false },
    });
    await queryInterface.addColumn('projects', 'archived_note', { type: Sequelize.TEXT });
    await queryInterface.renameColumn('users', 'display_name', 'name');
  },
};
