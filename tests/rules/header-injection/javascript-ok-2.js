// bastion-fixture: server/routes/feed.js
// ok: header-injection
// Node's setHeader throws ERR_INVALID_CHAR on CR/LF: a query value written into a header
// cannot add a header or a body, so it is not reported.
app.get('/feed', (req, res) => {
  res.set('ETag', req.query.version);
  res.setHeader('X-Request-Name', req.query.name);
  res.json({ ok: true });
});
