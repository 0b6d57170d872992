// bastion-fixture: server/middleware/cors.js
// ok: cors-any-origin-with-credentials
const ALLOWED = new Set(['https://app.example.com', 'https://admin.example.com']);

module.exports = function cors(req, res, next) {
  const origin = req.headers.origin;
  if (ALLOWED.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (req.method === 'OPTIONS') return res.sendStatus(204);
  next();
};
