// bastion-fixture: server/middleware/auth.js
// ok: jwt-verification-disabled
const jwt = require('jsonwebtoken');

module.exports = function auth(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  const payload = jwt.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
  req.user = { id: payload.sub, role: payload.role };
  next();
};

function expiresSoon(token) {
  const { exp } = jwt.decode(token);
  return exp * 1000 - Date.now() < 60000;
}
