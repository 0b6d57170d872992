// bastion-fixture: server/routes/exports.js
// ok: reflected-xss
const express = require('express');

const router = express.Router();

// Sent as a download: the browser saves the body instead of rendering it.
router.get('/exports/rows', (req, res) => {
  res.attachment('rows.txt');
  res.send(req.query.rows);
});

router.get('/exports/raw', (req, res) => {
  res.setHeader('Content-Disposition', 'attachment; filename="raw.txt"');
  res.send(req.query.raw);
});

router.get('/exports/chained', (req, res) => {
  res.attachment('chained.txt').send(req.query.rows);
});

module.exports = router;
