// bastion-fixture: src/controllers/write/users.js
// ok: mass-assignment
const api = require('../../api');
const helpers = require('../helpers');

// The API layer takes the caller from `req` and copies only the fields it accepts.
exports.create = async (req, res) => {
  const userObj = await api.users.create(req, req.body);
  helpers.formatApiResponse(200, res, userObj);
};

exports.update = async (req, res) => {
  const category = await api.categories.update(req, { ...req.body, cid: req.params.cid });
  helpers.formatApiResponse(200, res, category);
};
