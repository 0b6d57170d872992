// bastion-fixture: server/routes/domains.js
// ok: open-redirect
const express = require('express');
const router = express.Router();

router.get('/', async (req, res) => {
  // The Host header only selects a stored domain; its homepage is saved data.
  const domain = await db.domains.findOne({ where: { address: req.headers.host } });
  if (domain && domain.homepage) {
    return res.redirect(domain.homepage);
  }
  res.render('home');
});
