// bastion-fixture: server/routes/preview.js
router.get('/preview', async (req, res) => {
// expect: ssrf
  const page = await axios.get(req.query.url);
  res.json(page.data);
});
