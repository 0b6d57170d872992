// bastion-fixture: server/auth.js
const jwt = require('jsonwebtoken');
function user(token) {
// expect: jwt-verification-disabled
  return jwt.verify(token, KEY, { algorithms: ['HS256', 'none'] });
}
