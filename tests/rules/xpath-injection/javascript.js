// bastion-fixture: src/routes/catalog.js
const express = require('express');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const router = express.Router();
const catalog = new DOMParser().parseFromString(fs.readFileSync('data/catalog.xml', 'utf8'));

router.get('/catalog/search', (req, res) => {
  const title = req.query.title;
// expect: xpath-injection
  const nodes = xpath.select(`//book[title='${title}']`, catalog);
  res.json(nodes.map((n) => n.getAttribute('isbn')));
});

module.exports = router;
