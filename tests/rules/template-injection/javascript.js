// bastion-fixture: src/routes/preview.js
const express = require('express');
const ejs = require('ejs');

const router = express.Router();

// Lets editors preview a notification body before saving it.
router.post('/notifications/preview', (req, res) => {
  const body = req.body.template;
// expect: template-injection
  const html = ejs.render(body, { user: req.user });
  res.type('html').send(html);
});

module.exports = router;
