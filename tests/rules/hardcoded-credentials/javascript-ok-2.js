// bastion-fixture: server/routes/connections.js
// ok: hardcoded-credentials
const express = require('express');

// A row of bullet characters shown in a form in place of a stored password: a mask
// for the page, not a credential.
const PASSWORD_PLACEHOLDER = '••••••••••••';

const router = express.Router();

router.get('/connections/:id', async (req, res) => {
  const conn = await req.app.locals.connections.get(req.params.id);
  res.json({ ...conn, password: conn.password ? PASSWORD_PLACEHOLDER : '' });
});

module.exports = router;
