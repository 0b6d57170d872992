// bastion-fixture: server/routes/auth.js
const express = require('express');

const router = express.Router();

router.post('/login', async (req, res) => {
  const token = await req.app.locals.auth.login(req.body);
  // expect: cookie-insecure
  res.cookie('session_token', token, { maxAge: 3600000, httpOnly: true });
  res.send('ok');
});

module.exports = router;
