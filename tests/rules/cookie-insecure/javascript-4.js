// bastion-fixture: src/routes/auth.js
const express = require('express');
const router = express.Router();

router.post('/login', (req, res) => {
  const token = issueRememberToken(req.user.id);
// expect: cookie-insecure
  res.cookie('remember_me', token, { secure: true, sameSite: 'strict', maxAge: 30 * 86400000 });
  res.json({ ok: true });
});

module.exports = router;
