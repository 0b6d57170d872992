// bastion-fixture: server/routes/auth.js
// ok: cookie-insecure
const express = require('express');

const router = express.Router();

// Logout clears the cookies: an empty value, an age of 0, an expiry at the epoch.
router.post('/logout', (req, res) => {
  res.cookie('session_token', '', { maxAge: 0 });
  res.cookie('auth', 'x', { expires: new Date(0) });
  res.send('ok');
});

module.exports = router;
