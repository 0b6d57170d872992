// bastion-fixture: server/routes/exports.js
// ok: path-traversal
const express = require('express');
const fs = require('fs/promises');
const path = require('path');
const { Folder } = require('../models/folder');

const router = express.Router();
const EXPORTS = '/srv/exports';

router.get('/exports/:batch', async (req, res) => {
  // The project's own join returns null unless the result stays under the base.
  const dir = Folder.normaliseInBase(EXPORTS, req.query.batch);
  if (!dir) {
    return res.status(404).end();
  }
  const body = await fs.readFile(path.join(dir, 'summary.json'), 'utf-8');
  res.type('application/json').send(body);
});

module.exports = router;
