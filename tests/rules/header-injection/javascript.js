// bastion-fixture: server/routes/app.js
app.get('/x', (req, res) => {
// expect: header-injection
  res.setHeader('X-Name', req.query.n);
});
