// bastion-fixture: src/routes/preview.ts
app.post('/hook', async (req, res) => {
  const target = new URL(req.body.callback);
// expect: ssrf
  await fetch(target, { method: 'POST' });
});
