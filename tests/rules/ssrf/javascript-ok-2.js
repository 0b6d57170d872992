// bastion-fixture: server/routes/hooks.js
// ok: ssrf
const express = require('express');
const HOOKS = { slack: 'https://hooks.slack.com/x', teams: 'https://teams/x' };
async function ping(url) {
  return axios.get(url);
}
router.post('/notify', async (req, res) => {
  await axios.post(HOOKS[req.body.channel], { text: 'hi' });
  await fetch(`${config.apiBase}/users/${req.params.id}`);
  res.json({ ok: true });
});
