// bastion-fixture: src/routes/attachments.js
const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const UPLOAD_DIR = path.join(__dirname, '..', 'uploads');

router.get('/attachments/:name', (req, res) => {
  const file = path.join(UPLOAD_DIR, req.params.name);
// expect: path-traversal
  fs.readFile(file, (err, data) => {
    if (err) return res.status(404).end();
    res.type('application/octet-stream').send(data);
  });
});

module.exports = router;
