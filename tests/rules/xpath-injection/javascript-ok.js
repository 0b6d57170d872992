// bastion-fixture: src/routes/catalog.js
// ok: xpath-injection
const express = require('express');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const router = express.Router();
const catalog = new DOMParser().parseFromString(fs.readFileSync('data/catalog.xml', 'utf8'));

router.get('/catalog/search', (req, res) => {
  const title = req.query.title;
  // Fixed expression; the title is compared in code, never placed in the XPath text.
  const nodes = xpath.select('//book', catalog).filter((n) => {
    const t = xpath.select1('string(title)', n);
    return t === title;
  });
  res.json(nodes.map((n) => n.getAttribute('isbn')));
});

module.exports = router;
