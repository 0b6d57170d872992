// bastion-fixture: server/routes/search.js
// ok: reflected-xss
router.get('/search', (req, res) => {
  res.json({ q: req.query.q });
  res.send(`<p>${escapeHtml(title)}</p>`);
});
