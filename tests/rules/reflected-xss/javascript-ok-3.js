// bastion-fixture: server/routes/reports.js
// ok: reflected-xss
const express = require('express');
const router = express.Router();

// Express sends an object literal as JSON with its own content type: no markup.
router.get('/reports', async (req, res) => {
  const term = req.query.term;
  const rows = await reports.search(term);
  return res.send({ term, total: rows.length, data: rows });
});
