// bastion-fixture: server/routes/login.js
// ok: open-redirect
const express = require('express');
const router = express.Router();

router.get('/login/done', (req, res) => {
  const next = req.query.next;
  if (!isSafeRedirectUrl(next)) {
    return res.redirect('/');
  }
  res.redirect(next);
});
