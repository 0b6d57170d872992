'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('comments', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      task_id: {
        type: Sequelize.INTEGER,
        allowNull: false,
        references: { model: 'tasks', key: 'id' },
      },
      body: { type: Sequelize.TEXT, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('comments', ['task_id']);
    await queryInterface.addConstraint('comments', {
      fields: ['task_id', 'createdAt'],
      type: 'unique',
      name: 'comments_task_created_key',
    });
    await queryInterface.addColumn('tasks', 'done', {
      type: Sequelize.BOOLEAN,
      allowNull: false,
      defaultValue: false,
    });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('tasks', 'done');
    await queryInterface.dropTable('comments');
  },
};
