// bastion-fixture: src/routes/session.js
// ok: log-injection
const express = require('express');
const logger = require('../logger');

const router = express.Router();

router.post('/logout', (req, res) => {
  // JSON.stringify escapes CR/LF, so the name cannot start a forged log line.
  logger.info('logout requested by ' + JSON.stringify(req.body.username));
  req.session.destroy(() => res.status(204).end());
});

module.exports = router;
