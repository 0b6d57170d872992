// bastion-fixture: server/routes/search.js
router.get('/search', (req, res) => {
// expect: reflected-xss
  res.send(`<p>No results for ${req.query.q}</p>`);
});
