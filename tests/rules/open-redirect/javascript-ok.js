// bastion-fixture: server/routes/app.js
// ok: open-redirect
app.get('/go', (req, res) => {
  res.redirect('/home');
});
