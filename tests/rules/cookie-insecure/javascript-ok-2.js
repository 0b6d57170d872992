// bastion-fixture: server/routes/session.js
// ok: cookie-insecure
// Angular reads XSRF-TOKEN and echoes it in X-XSRF-TOKEN (double-submit): the cookie
// must be readable by script and carries no session.
router.get('/api/session', (req, res) => {
  res.cookie('XSRF-TOKEN', req.csrfToken(), { httpOnly: false, sameSite: 'strict' });
  res.json({ user: req.user && req.user.name });
});
