// bastion-fixture: src/routes/attachments.js
// ok: path-traversal
const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const UPLOAD_DIR = path.join(__dirname, '..', 'uploads');

router.get('/attachments/:name', (req, res) => {
  // basename drops any directory part, so the file stays inside UPLOAD_DIR.
  const file = path.join(UPLOAD_DIR, path.basename(req.params.name));
  fs.readFile(file, (err, data) => {
    if (err) return res.status(404).end();
    res.type('application/octet-stream').send(data);
  });
});

module.exports = router;
