// bastion-fixture: server/middleware/auth.js
const jwt = require('jsonwebtoken');

module.exports = function auth(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
// expect: jwt-verification-disabled
  const payload = jwt.decode(token);
  req.user = { id: payload.sub, role: payload.role };
  next();
};
