// bastion-fixture: server/routes/login.js
// ok: cookie-insecure
router.post('/login', async (req, res) => {
  const token = await issue(req.body);
  res.cookie('auth_token', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.cookie('lang', 'en');
  res.sendStatus(204);
});
