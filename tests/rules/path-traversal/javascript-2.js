// bastion-fixture: server/routes/exports.js
const express = require('express');
const fs = require('fs/promises');
const path = require('path');
const { Folder } = require('../models/folder');

const router = express.Router();
const EXPORTS = '/srv/exports';

router.get('/exports/:batch', async (req, res) => {
  // A plain normalise keeps `..` that climbs out of the base.
  const dir = path.normalize(path.join(EXPORTS, req.query.batch));
// expect: path-traversal
  const body = await fs.readFile(path.join(dir, 'summary.json'), 'utf-8');
  res.type('application/json').send(body);
});

module.exports = router;
