// bastion-fixture: src/routes/session.js
const express = require('express');
const logger = require('../logger');

const router = express.Router();

router.post('/logout', (req, res) => {
  const user = req.body.username;
// expect: log-injection
  logger.info('logout requested by ' + user);
  req.session.destroy(() => res.status(204).end());
});

module.exports = router;
