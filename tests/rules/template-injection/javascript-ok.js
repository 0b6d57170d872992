// bastion-fixture: src/routes/preview.js
// ok: template-injection
const express = require('express');
const ejs = require('ejs');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const layout = fs.readFileSync(path.join(__dirname, '../views/notification.ejs'), 'utf8');

// The template is ours; the editor's text is only a variable rendered into it (escaped by <%= %>).
router.post('/notifications/preview', (req, res) => {
  const html = ejs.render(layout, { user: req.user, message: req.body.message });
  res.type('html').send(html);
});

module.exports = router;
