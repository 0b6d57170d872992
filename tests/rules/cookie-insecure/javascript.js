// bastion-fixture: server/routes/login.js
router.post('/login', async (req, res) => {
  const token = await issue(req.body);
// expect: cookie-insecure
  res.cookie('auth_token', token, { httpOnly: true });
  res.sendStatus(204);
});
