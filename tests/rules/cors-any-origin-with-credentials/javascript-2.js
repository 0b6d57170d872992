// bastion-fixture: server/middleware/cors.js
// A hand-written CORS middleware that trusts whatever origin asks.
module.exports = function cors(req, res, next) {
// expect: cors-any-origin-with-credentials
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
  if (req.method === 'OPTIONS') return res.sendStatus(204);
  next();
};
