// bastion-fixture: src/routes/auth.js
// ok: cookie-insecure
const express = require('express');
const router = express.Router();

router.post('/login', (req, res) => {
  const token = issueRememberToken(req.user.id);
  res.cookie('remember_me', token, { secure: true, httpOnly: true, sameSite: 'strict' });
  res.cookie('XSRF-TOKEN', req.csrfToken(), { secure: true, sameSite: 'strict' });
  res.cookie('session', '', { secure: true, maxAge: 0 });
  res.json({ ok: true });
});

module.exports = router;
