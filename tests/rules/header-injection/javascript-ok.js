// bastion-fixture: server/routes/app.js
// ok: header-injection
app.get('/x', (req, res) => {
  res.setHeader('X-Name', encodeURIComponent(req.query.n));
});
