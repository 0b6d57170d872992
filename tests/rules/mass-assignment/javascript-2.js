// bastion-fixture: server/routes/account.js
const User = require('../models/user');

module.exports = [
  {
    method: 'PUT',
    path: '/me',
    handler: async (request) => {
      const { id } = request.auth.credentials;
// expect: mass-assignment
      return User.findByIdAndUpdate(id, request.payload, { new: true });
    },
  },
];
