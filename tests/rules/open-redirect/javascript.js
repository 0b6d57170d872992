// bastion-fixture: server/routes/app.js
app.get('/go', (req, res) => {
// expect: open-redirect
  res.redirect(req.query.next);
});
