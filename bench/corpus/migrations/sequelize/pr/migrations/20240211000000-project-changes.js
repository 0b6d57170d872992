'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'org_id', {
      type: Sequelize.INTEGER,
      allowNull: false,
    });
    await queryInterface.changeColumn('projects', 'budget', {
      type: Sequelize.DECIMAL(12, 2),
    });
    await queryInterface.addConstraint('projects', {
      fields: ['owner_id'],
      type: 'foreign key',
      name: 'projects_owner_id_fkey',
      references: { table: 'users', field: 'id' },
      onDelete: 'cascade',
    });
    await queryInterface.addConstraint('users', {
      fields: ['email'],
      type: 'unique',
      name: 'users_email_key',
    });
    await queryInterface.addConstraint('memberships', {
      fields: ['user_id', 'project_id'],
      type: 'primary key',
      name: 'memberships_pkey',
    });
    await queryInterface.addConstraint('tasks', {
      fields: ['estimate'],
      type: 'check',
      where: { estimate: { [Sequelize.Op.gte]: 0 } },
      name: 'tasks_estimate_non_negative',
    });
  },

  async down(queryInterface) {
    await queryInterface.removeConstraint('tasks', 'tasks_estimate_non_negative');
    await queryInterface.removeConstraint('memberships', 'memberships_pkey');
    await queryInterface.removeConstraint('users', 'users_email_key');
    await queryInterface.removeConstraint('projects', 'projects_owner_id_fkey');
    await queryInterface.removeColumn('users', 'org_id');
  },
};
