// bastion-fixture: server/routes/page.js
// ok: reflected-xss
const express = require('express');
function badge(res, label) {
  res.send(`<b>${label}</b>`);
}
router.get('/page', async (req, res) => {
  const theme = THEMES.includes(req.query.theme) ? req.query.theme : 'light';
  const user = await users.findById(req.session.userId);
  res.send(`<body class="${theme}"><p>${VERSION}</p><i>${user.id}</i>`);
});
